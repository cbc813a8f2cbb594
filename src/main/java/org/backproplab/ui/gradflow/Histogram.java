package org.backproplab.ui.gradflow;

import org.backproplab.nn.Activation;

/**
 * One layer's activations over a batch, counted into equal bins over [lo, hi]; values outside go to the end bins.
 * Each bin also counts how many of its values are saturated, where the activation's slope is (nearly) gone:
 * sigmoid outputs below 0.01 or above 0.99, tanh beyond ±0.99, ReLU outputs of exactly 0, Leaky ReLU outputs
 * below 0 (as {@link org.backproplab.labs.GradientFlow} counts them), so the view can colour that part.
 */
public record Histogram(double lo, double hi, int[] counts, int[] saturated, int nonFinite, int total) {

    public static final int BINS = 40;

    public static Histogram of(float[] values, Activation.Kind kind, double lo, double hi, int bins) {
        if (!(hi > lo) || bins < 1) {
            throw new IllegalArgumentException("need lo < hi and a bin, got [" + lo + ", " + hi + "], " + bins);
        }
        int[] counts = new int[bins];
        int[] sat = new int[bins];
        int bad = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                bad++;
                continue;
            }
            int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
            b = Math.max(0, Math.min(bins - 1, b));
            counts[b]++;
            if (isSaturated(kind, v)) {
                sat[b]++;
            }
        }
        return new Histogram(lo, hi, counts, sat, bad, values.length);
    }

    /** Whether the activation's slope is (nearly) gone at this output. */
    public static boolean isSaturated(Activation.Kind kind, double out) {
        return switch (kind) {
            case SIGMOID -> out < 0.01 || out > 0.99;
            case TANH -> Math.abs(out) > 0.99;
            case RELU -> out == 0;
            case LEAKY_RELU -> out < 0;
        };
    }

    /** The largest bin. */
    public int maxCount() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** The largest count of unsaturated values in one bin. */
    public int maxUnsaturated() {
        int m = 0;
        for (int b = 0; b < counts.length; b++) {
            m = Math.max(m, counts[b] - saturated[b]);
        }
        return m;
    }

    public int bins() {
        return counts.length;
    }

    /**
     * Units that are zero for every example of the batch: ReLU units that no longer learn. {@code values} is the
     * batch row by row, {@code width} units a row.
     */
    public static int deadUnits(float[] values, int width) {
        if (width < 1 || values.length % width != 0) {
            throw new IllegalArgumentException(values.length + " values are not rows of " + width);
        }
        int dead = 0;
        for (int u = 0; u < width; u++) {
            boolean alive = false;
            for (int i = u; i < values.length && !alive; i += width) {
                alive = values[i] != 0;
            }
            dead += alive ? 0 : 1;
        }
        return dead;
    }

    /**
     * The x range of an activation's histograms: sigmoid [0, 1] and tanh [−1, 1] by their nature; ReLU from 0 and
     * Leaky ReLU from its smallest value, each up to the largest value seen (rounded up to 1, 2 or 5 × 10^k), so that
     * every layer of every run with this activation shares one axis.
     */
    public static double[] range(Activation.Kind kind, double min, double max) {
        return switch (kind) {
            case SIGMOID -> new double[] {0, 1};
            case TANH -> new double[] {-1, 1};
            case RELU -> new double[] {0, nice(max)};
            case LEAKY_RELU -> new double[] {min < 0 ? -nice(-min) : 0, nice(max)};
        };
    }

    /** The smallest of 1, 2, 5 × 10^k at or above v (v > 0); 1 for anything else. */
    static double nice(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
