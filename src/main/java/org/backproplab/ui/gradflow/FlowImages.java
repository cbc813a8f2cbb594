package org.backproplab.ui.gradflow;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** ARGB pixels, as the plain classes make them, into JavaFX images. */
final class FlowImages {

    private FlowImages() {
    }

    static WritableImage image(int[] argb, int width, int height) {
        return image(null, argb, width, height);
    }

    /** The pixels written into {@code reuse} if it has this size (no new image at every frame), else a new image. */
    static WritableImage image(javafx.scene.image.Image reuse, int[] argb, int width, int height) {
        WritableImage image = reuse instanceof WritableImage w && (int) w.getWidth() == Math.max(1, width)
                && (int) w.getHeight() == Math.max(1, height) ? w : new WritableImage(Math.max(1, width), Math.max(1, height));
        if (width > 0 && height > 0) {
            image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        }
        return image;
    }
}
