package org.backproplab.ui.gradflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient norm of every layer over the steps, as a heat map: one row per layer, one column per point of
 * time, each cell log10 of the norm. Columns are kept to a fixed number as a {@link Series} keeps its points (two
 * neighbours become their mean in log space, that is the geometric mean of the norms), so a long run still fits.
 * A zero norm is −∞ (below any scale) and NaN or infinity is NaN (drawn in the overflow colour).
 */
public final class HeatMap {

    private final List<Series> rows;

    public HeatMap(int layers, int capacity) {
        if (layers < 1) {
            throw new IllegalArgumentException("a heat map needs a layer");
        }
        rows = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            rows.add(new Series(capacity));
        }
    }

    private HeatMap(List<Series> rows) {
        this.rows = rows;
    }

    /** The norms of layers 1…n (from the input side) at a step. */
    public void add(int step, double[] norms) {
        if (norms.length != rows.size()) {
            throw new IllegalArgumentException("expected " + rows.size() + " layers, got " + norms.length);
        }
        for (int l = 0; l < norms.length; l++) {
            rows.get(l).add(step, exponent(norms[l]));
        }
    }

    /** log10 of a norm: −∞ for 0, NaN for NaN and infinity. */
    static double exponent(double norm) {
        return Double.isFinite(norm) ? Math.log10(norm) : Double.NaN;
    }

    public int layers() {
        return rows.size();
    }

    public int columns() {
        return rows.get(0).size();
    }

    /** The last step column c covers. */
    public int step(int column) {
        return rows.get(0).step(column);
    }

    /** log10 of layer {@code layer}'s (from 0, input side) norm in a column. */
    public double exponent(int column, int layer) {
        return rows.get(layer).value(column);
    }

    /** The smallest and largest finite exponent; null when there is none. */
    public double[] exponentRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series row : rows) {
            for (double e : row.values()) {
                if (Double.isFinite(e)) {
                    lo = Math.min(lo, e);
                    hi = Math.max(hi, e);
                }
            }
        }
        return lo > hi ? null : new double[] {lo, hi};
    }

    /**
     * The map as ARGB pixels, {@link #columns()} wide and {@link #layers()} high, row-major, the output layer on
     * the top row and the first layer at the bottom, coloured on the scale.
     */
    public int[] argb(LogScale scale) {
        int w = columns();
        int h = layers();
        int[] out = new int[w * h];
        for (int c = 0; c < w; c++) {
            for (int l = 0; l < h; l++) {
                double e = exponent(c, l);
                double t = Double.isNaN(e) ? Double.NaN : scale.exponentFraction(e);
                out[(h - 1 - l) * w + c] = 0xff000000 | HeatColors.viridis(t);
            }
        }
        return out;
    }

    /**
     * The map drawn at {@code width} × {@code height} pixels, each cell a block (nearest neighbour: a few columns
     * at the start of a run are wide blocks, not a blur), ARGB, row-major, the output layer on top.
     */
    public int[] argb(LogScale scale, int width, int height) {
        int w = Math.max(1, width);
        int h = Math.max(1, height);
        int[] out = new int[w * h];
        int columns = columns();
        if (columns == 0) {
            return out;
        }
        int[] cells = argb(scale);
        int rows = layers();
        int[] columnOf = new int[w];
        for (int x = 0; x < w; x++) {
            columnOf[x] = Math.min(columns - 1, (int) ((long) x * columns / w));
        }
        for (int y = 0; y < h; y++) {
            int row = Math.min(rows - 1, (int) ((long) y * rows / h));
            for (int x = 0; x < w; x++) {
                out[y * w + x] = cells[row * columns + columnOf[x]];
            }
        }
        return out;
    }

    /** An independent copy, for another thread to read. */
    public HeatMap copy() {
        List<Series> copies = new ArrayList<>(rows.size());
        for (Series s : rows) {
            copies.add(s.copy());
        }
        return new HeatMap(copies);
    }
}
