package org.backproplab.ui.mnist;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns ARGB pixels into images, each pixel a sharp square (no smoothing blurs a 28×28 digit). */
final class PixelImages {

    private PixelImages() {
    }

    /** A square image of side × side pixels, each drawn as scale × scale. */
    static WritableImage image(int[] argb, int side, int scale) {
        int out = side * scale;
        int[] big = new int[out * out];
        for (int y = 0; y < out; y++) {
            int row = (y / scale) * side;
            for (int x = 0; x < out; x++) {
                big[y * out + x] = argb[row + x / scale];
            }
        }
        WritableImage image = new WritableImage(out, out);
        image.getPixelWriter().setPixels(0, 0, out, out, PixelFormat.getIntArgbInstance(), big, 0, out);
        return image;
    }

    /** A horizontal strip of the diverging colour map from −1 to +1, for legends. */
    static WritableImage divergingLegend(int width, int height) {
        int[] px = new int[width * height];
        for (int x = 0; x < width; x++) {
            int c = ColorMap.diverging(2.0 * x / (width - 1) - 1);
            for (int y = 0; y < height; y++) {
                px[y * width + x] = c;
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), px, 0, width);
        return image;
    }
}
