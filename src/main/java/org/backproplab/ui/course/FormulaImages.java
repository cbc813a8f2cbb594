package org.backproplab.ui.course;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A LaTeX formula as an image, drawn by JLaTeXMath (a well-kept renderer, not one of ours) into an AWT image and
 * handed to JavaFX. Drawn at the screen's output scale (so it is sharp on a high-density screen, and its thin strokes
 * — a minus, an equals sign — are not lost to scaling down), and kept in a small cache, since a page redraws its
 * formulas on every page turn, language or theme change.
 */
final class FormulaImages {

    /**
     * A drawn formula and how far it reaches below its baseline (to line it up with the text), or the reason it
     * could not be drawn.
     */
    record Result(ImageView view, double depth, String error) {
    }

    /** A drawn image and its depth below the baseline, in pixels at scale 1. */
    private record Drawn(Image image, double depth, double scale) {
    }

    private static final int CACHE = 256;
    private static final Map<String, Drawn> IMAGES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Drawn> eldest) {
            return size() > CACHE;
        }
    };

    static {
        // JLaTeXMath draws into an image and needs no AWT window; on macOS an AWT toolkit beside JavaFX's is trouble.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FormulaImages() {
    }

    /**
     * The formula drawn in {@code ink} at {@code size} pixels (the text's font size); display formulas larger and on
     * their own line. A formula JLaTeXMath cannot read gives a null view and the reason.
     */
    static Result render(String latex, boolean display, double size, javafx.scene.paint.Color ink) {
        double scale = outputScale();
        String key = latex + '\u0000' + display + '\u0000' + size + '\u0000' + ink + '\u0000' + scale;
        Drawn drawn;
        synchronized (IMAGES) {
            drawn = IMAGES.get(key);
        }
        if (drawn == null) {
            try {
                drawn = draw(latex, display, size, ink, scale);
            } catch (RuntimeException e) { // JLaTeXMath's ParseException is a RuntimeException
                return new Result(null, 0, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            synchronized (IMAGES) {
                IMAGES.put(key, drawn);
            }
        }
        ImageView view = new ImageView(drawn.image());
        view.setFitWidth(drawn.image().getWidth() / drawn.scale());
        view.setFitHeight(drawn.image().getHeight() / drawn.scale());
        view.setSmooth(true);
        view.setAccessibleText(latex);
        return new Result(view, drawn.depth(), null);
    }

    private static double outputScale() {
        try {
            return Math.max(1, javafx.stage.Screen.getPrimary().getOutputScaleX());
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static Drawn draw(String latex, boolean display, double size, javafx.scene.paint.Color ink, double scale) {
        TeXFormula formula = new TeXFormula(latex);
        // TeX's fonts look smaller than the UI's at the same size: a tenth larger matches the text around them
        TeXIcon icon = formula.createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
                (float) (size * scale * 1.1));
        int pad = (int) Math.ceil(scale);
        icon.setInsets(new java.awt.Insets(pad, pad, pad, pad));
        BufferedImage image = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        icon.setForeground(new Color((float) ink.getRed(), (float) ink.getGreen(), (float) ink.getBlue()));
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return new Drawn(SwingFXUtils.toFXImage(image, null), (icon.getIconDepth() + pad) / scale, scale);
    }
}
