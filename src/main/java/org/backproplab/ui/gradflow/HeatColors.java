package org.backproplab.ui.gradflow;

/**
 * The colours that encode data in the lab, as RGB ints with no JavaFX: viridis for the heat map (dark purple for
 * small, yellow for large; even in lightness, so it reads in grey and for most colour-blind readers) and one colour
 * that no value takes for NaN and infinity. These encode data, so they are chosen for reading, not themed.
 */
public final class HeatColors {

    /** Viridis (matplotlib's default map), nine stops from 0 to 1. */
    private static final int[] VIRIDIS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaadc32, 0xfde725,
    };
    /** NaN and infinity: a red that viridis never reaches. */
    public static final int OVERFLOW = 0xe0301e;

    private HeatColors() {
    }

    /** t in [0, 1] (clamped) on viridis; NaN gives {@link #OVERFLOW}. */
    public static int viridis(double t) {
        if (Double.isNaN(t)) {
            return OVERFLOW;
        }
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(x));
        return mix(VIRIDIS[i], VIRIDIS[i + 1], x - i);
    }

    /** Between two RGB colours: t = 0 gives a, 1 gives b. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** A colour bar for a legend, left (0) to right (1), ARGB, {@code width} × 1. */
    public static int[] legend(int width) {
        int[] out = new int[width];
        for (int x = 0; x < width; x++) {
            out[x] = 0xff000000 | viridis(width == 1 ? 0 : (double) x / (width - 1));
        }
        return out;
    }
}
