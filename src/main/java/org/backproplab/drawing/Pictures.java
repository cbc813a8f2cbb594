package org.backproplab.drawing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.backproplab.engine.Snapshot;
import org.backproplab.stepper.Texts;

/**
 * A picture of a matrix of 784-pixel rows (images) or columns (what each unit of W1 looks for) as a 28×28 PNG, in the
 * card's heat colours relative to the matrix's largest |x|: what the exported SVG embeds where the window draws a
 * picture card ({@link CardSize#pictures}).
 */
public final class Pictures {

    /** The side of a picture in pixels. */
    public static final int SIDE = 28;

    private Pictures() {
    }

    /**
     * The colours of picture {@code k} of {@code s} (row k when its rows are images, else column k), pixel by pixel in
     * reading order, as RGB: the card's heat colours relative to the matrix's largest |x|. The window paints them, the
     * SVG embeds them as a PNG.
     */
    public static int[] colours(Snapshot s, int k) {
        boolean byRows = s.cols() == CardSize.IMAGE_PIXELS;
        double max = Texts.maxAbs(s);
        int[] rgb = new int[CardSize.IMAGE_PIXELS];
        for (int p = 0; p < rgb.length; p++) {
            rgb[p] = CardColours.heat(byRows ? s.get(k, p) : s.get(p, k), max);
        }
        return rgb;
    }

    /** Picture {@code k} of {@code s} as a PNG data URI. */
    public static String pngDataUri(Snapshot s, int k) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, SIDE, SIDE, colours(s, k), 0, SIDE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("a PNG in memory cannot fail to write", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
