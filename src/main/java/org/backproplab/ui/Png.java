package org.backproplab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;

import org.backproplab.files.AtomicFile;

/**
 * The app's one PNG writer: a node drawn at a scale good for slides, written with ImageIO through
 * {@link AtomicFile}. Exports (charts, the graph) and the tests' screenshots all go through it.
 */
public final class Png {

    /** Exports are drawn at twice the screen's size: sharp on a projector and in a printed handout. */
    public static final double EXPORT_SCALE = 2;
    /** No side of an export is longer than this, however big the graph: a texture that every GPU can hold. */
    public static final int MAX_SIDE = 8192;

    private Png() {
    }

    /**
     * The node as drawn, scaled, on the background it appears on (the nearest opaque background colour among it and
     * its parents, so that a chart keeps its theme's contrast; white when there is none). On the JavaFX thread.
     */
    public static WritableImage snapshot(Node node, double scale) {
        double width = node.getLayoutBounds().getWidth();
        double height = node.getLayoutBounds().getHeight();
        double s = Math.min(scale, MAX_SIDE / Math.max(1, Math.max(width, height)));
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(s, s));
        params.setFill(background(node));
        return node.snapshot(params, null);
    }

    /**
     * The colour behind a node: the topmost opaque background fill of it or its nearest parent that has one (the
     * last layer is the one seen inside: a focus ring is an outer layer), else white.
     */
    public static Paint background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color c && c.isOpaque()) {
                        return c;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    /** Writes an image as a PNG file, atomically. */
    public static void write(Image image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }
}
