package org.backproplab.ui.playground;

/**
 * The playground's pictures as ARGB pixels, without JavaFX: the grid of points a picture samples, and the colour
 * scale of the browser playground that classrooms know — orange for negative (class 0), a light grey for zero,
 * blue for positive (class 1). Orange against blue stays apart for the common colour-blindnesses.
 */
public final class HeatMaps {

    /** Negative values, class 0. */
    public static final int ORANGE = 0xf59322;
    /** Zero: the boundary itself. */
    public static final int NEUTRAL = 0xe8eaeb;
    /** Positive values, class 1. */
    public static final int BLUE = 0x0877bd;
    public static final int WHITE = 0xffffff;
    /** The big boundary picture is paled this much towards white, so that the points on it stand out. */
    static final double PALE = 0.3;

    private HeatMaps() {
    }

    /**
     * The centres of a resolution × resolution grid of cells over [min, max]², row by row from the top (x2 = max),
     * each row from the left: the order of {@link org.backproplab.labs.Playground#boundary} and of an image's pixels.
     */
    public static double[][] grid(int resolution, double min, double max) {
        double[][] points = new double[resolution * resolution][];
        for (int r = 0; r < resolution; r++) {
            for (int c = 0; c < resolution; c++) {
                double x1 = min + (max - min) * (c + 0.5) / resolution;
                double x2 = max - (max - min) * (r + 0.5) / resolution;
                points[r * resolution + c] = new double[] {x1, x2};
            }
        }
        return points;
    }

    /** t in [−1, 1] (clamped; NaN as 0) as an opaque ARGB colour: orange, grey, blue. */
    public static int color(double t) {
        double v = Double.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
        return 0xff000000 | (v < 0 ? mix(NEUTRAL, ORANGE, -v) : mix(NEUTRAL, BLUE, v));
    }

    /** A label or an output (class-1 probability, or a value between lo and hi) as t in [−1, 1]. */
    public static double signed(double value, double lo, double hi) {
        return hi > lo ? 2 * (value - lo) / (hi - lo) - 1 : 0;
    }

    /** The output of the network as the big picture behind the points, paled. */
    public static int[] boundary(double[] outputs, double lo, double hi) {
        int[] px = new int[outputs.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xff000000 | mix(color(signed(outputs[i], lo, hi)) & 0xffffff, WHITE, PALE);
        }
        return px;
    }

    /** A neuron's outputs as a small picture, on the scale [−1, 1] that tanh fills (clamped beyond). */
    public static int[] neuron(double[] outputs) {
        int[] px = new int[outputs.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = color(outputs[i]);
        }
        return px;
    }

    /** A feature's values as a small picture, scaled by their largest magnitude. */
    public static int[] feature(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        int[] px = new int[values.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = color(max == 0 ? 0 : values[i] / max);
        }
        return px;
    }

    /** Between two RGB colours: t = 0 gives a, 1 gives b. */
    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
