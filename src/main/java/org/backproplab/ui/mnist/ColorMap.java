package org.backproplab.ui.mnist;

/**
 * The colour maps of the tab's pictures, as ARGB ints (no JavaFX): grey ink for digits, a diverging blue–white–red
 * map for signed values (weights, gradients), and blends for the confusion matrix. These encode data, so they are
 * chosen for reading, not themed: ColorBrewer's RdBu is legible to most colour-blind readers and in print.
 */
public final class ColorMap {

    /** ColorBrewer RdBu, 9 classes, from −1 (blue) through 0 (near white) to +1 (red). */
    private static final int[] DIVERGING = {
        0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b,
    };
    /** Digits are drawn dark on white, like ink on paper: 0 is white, 1 this. */
    public static final int INK = 0x1c2530;
    public static final int WHITE = 0xffffff;
    /** The confusion matrix: the diagonal (right) in blue, mistakes in red. */
    public static final int RIGHT = 0x2f66d0;
    public static final int WRONG = 0xd6604d;

    private ColorMap() {
    }

    /** v in [−1, 1] (clamped) on the diverging map. */
    public static int diverging(double v) {
        double t = (Math.max(-1, Math.min(1, v)) + 1) / 2 * (DIVERGING.length - 1);
        int i = Math.min(DIVERGING.length - 2, (int) Math.floor(t));
        return opaque(mix(DIVERGING[i], DIVERGING[i + 1], t - i));
    }

    /** A pixel value in [0, 1] (clamped) as ink on white. */
    public static int ink(double v) {
        return opaque(mix(WHITE, INK, Math.max(0, Math.min(1, v))));
    }

    /** Between two RGB colours: t = 0 gives a, 1 gives b. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** Whether text on this colour should be white (dark background) rather than dark: by its luminance. */
    public static boolean isDark(int rgb) {
        double lum = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
        return lum < 140;
    }

    /** The pixels of an image as ink on white, ARGB. */
    public static int[] inkImage(float[] pixels) {
        int[] out = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = ink(pixels[i]);
        }
        return out;
    }

    /**
     * Signed values as a diverging heat map, ARGB, scaled so the largest magnitude is full colour and zero is
     * white; all zeros give white.
     */
    public static int[] heatImage(float[] values) {
        double max = maxAbs(values);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = diverging(max == 0 ? 0 : values[i] / max);
        }
        return out;
    }

    public static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static int opaque(int rgb) {
        return 0xff000000 | rgb;
    }
}
