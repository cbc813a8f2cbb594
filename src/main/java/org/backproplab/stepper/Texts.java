package org.backproplab.stepper;

import org.backproplab.engine.Numbers;
import org.backproplab.engine.Snapshot;

/**
 * How numbers and matrices are written in explanations and on cards: 4 significant digits; a matrix of at most 4
 * numbers in full ({@code [[0.1, 0.2]]}), a bigger one by its shape ({@code [3×4]}).
 */
public final class Texts {

    /** The most numbers a matrix may have to be written out in a formula. */
    public static final int INLINE_LIMIT = 4;

    private Texts() {
    }

    /** 4 significant digits: -0.1966, 3, 1.235e+06. */
    public static String number(double v) {
        return Numbers.significant(v, 4);
    }

    /** A number as a factor: negative ones in parentheses, {@code (-4)}. */
    public static String factor(double v) {
        String s = number(v);
        return v < 0 || s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** {@code [3×4]}. */
    public static String shape(int rows, int cols) {
        return "[" + rows + "×" + cols + "]";
    }

    /** A value in a formula: a scalar as a number, a small matrix in full, else its shape. */
    public static String value(Snapshot s) {
        if (s.isScalar()) {
            return number(s.item());
        }
        if (!writtenOut(s)) {
            return shape(s.rows(), s.cols());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < s.rows(); r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < s.cols(); c++) {
                sb.append(c == 0 ? "" : ", ").append(number(s.get(r, c)));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /**
     * A value in a formula, and for a matrix too big to write out its largest |x| too, so that an MNIST batch's
     * update still says something: {@code [784×10] (max |x| = 0.01)}.
     */
    public static String valueAndSize(Snapshot s) {
        return writtenOut(s) ? value(s) : value(s) + " (max |x| = " + number(maxAbs(s)) + ")";
    }

    /** True when {@link #value} writes {@code s}'s numbers, false when only its shape: a matrix of more than 4. */
    public static boolean writtenOut(Snapshot s) {
        return s.isScalar() || s.rows() * s.cols() <= INLINE_LIMIT;
    }

    /** The change from {@code before} to {@code after} as its largest |Δ|: how far an update moved a big matrix. */
    public static String largestChange(Snapshot before, Snapshot after) {
        double max = 0;
        double[] b = before.values();
        double[] a = after.values();
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return number(max);
    }

    /** The largest |x| of the finite values of {@code s} (0 when there is none): the top of a heat map's scale too. */
    public static double maxAbs(Snapshot s) {
        double max = 0;
        for (double v : s.values()) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** A value as a factor of a product: a negative scalar in parentheses. */
    public static String factor(Snapshot s) {
        return s.isScalar() ? factor(s.item()) : value(s);
    }

    /** The mean of the absolute values: how big a gradient is, for edge widths and colours. */
    public static double meanAbs(Snapshot s) {
        double sum = 0;
        double[] v = s.values();
        for (double x : v) {
            sum += Math.abs(x);
        }
        return sum / v.length;
    }

    /** ∂f/∂x. */
    public static String partial(String of, String wrt) {
        return "∂" + of + "/∂" + wrt;
    }
}
