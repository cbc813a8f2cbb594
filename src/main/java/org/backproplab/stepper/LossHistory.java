package org.backproplab.stepper;

import java.util.Arrays;
import java.util.List;

import org.backproplab.files.CsvTable;

/**
 * The loss of every iteration, kept in full (8 bytes each), and read back decimated for drawing: whatever the
 * number of iterations, a chart gets at most two points per pixel column — each bucket's lowest and highest loss,
 * in the order they happened — so it stays smooth over millions of iterations and still shows every spike.
 * Written by a training thread while the view reads it: every method is synchronized.
 */
public final class LossHistory {

    /** A decimated series: iteration numbers (from 1) and losses, as many of each. */
    public record Series(double[] iterations, double[] losses, double min, double max, int count) {
        public int size() {
            return iterations.length;
        }
    }

    private double[] values = new double[256];
    private int count;

    public synchronized void add(double loss) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = loss;
    }

    public synchronized int count() {
        return count;
    }

    /** The loss of iteration {@code n} (from 1). */
    public synchronized double get(int n) {
        if (n < 1 || n > count) {
            throw new IndexOutOfBoundsException("iteration " + n + " of " + count);
        }
        return values[n - 1];
    }

    /** The losses of iterations 1 to {@code n}, as many as there are of them. */
    public synchronized double[] first(int n) {
        return Arrays.copyOf(values, Math.max(0, Math.min(n, count)));
    }

    /** The latest loss, or NaN when there is none. */
    public synchronized double last() {
        return count == 0 ? Double.NaN : values[count - 1];
    }

    public synchronized void clear() {
        count = 0;
    }

    /**
     * At most {@code 2 · buckets} points: every loss when there are few, else the lowest and highest of each of
     * {@code buckets} equal runs of iterations. Losses that are not finite (a diverged run) are left out of the
     * points and of min/max.
     */
    public synchronized Series decimated(int buckets) {
        return decimated(buckets, count);
    }

    /** As {@link #decimated(int)}, over the first {@code upTo} losses only (what a step back in time shows). */
    public synchronized Series decimated(int buckets, int upTo) {
        int count = Math.max(0, Math.min(upTo, this.count));
        if (buckets < 1) {
            throw new IllegalArgumentException("need at least one bucket, got " + buckets);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] xs = new double[Math.min(count, 2 * buckets)];
        double[] ys = new double[xs.length];
        int n = 0;
        if (count <= 2 * buckets) {
            for (int i = 0; i < count; i++) {
                if (Double.isFinite(values[i])) {
                    xs[n] = i + 1;
                    ys[n++] = values[i];
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
            }
        } else {
            for (int b = 0; b < buckets; b++) {
                int from = (int) ((long) count * b / buckets);
                int to = (int) ((long) count * (b + 1) / buckets);
                int lo = -1;
                int hi = -1;
                for (int i = from; i < to; i++) {
                    double v = values[i];
                    if (Double.isFinite(v)) {
                        if (lo < 0 || v < values[lo]) {
                            lo = i;
                        }
                        if (hi < 0 || v > values[hi]) {
                            hi = i;
                        }
                    }
                }
                if (lo < 0) {
                    continue;
                }
                int first = Math.min(lo, hi);
                int second = Math.max(lo, hi);
                xs[n] = first + 1;
                ys[n++] = values[first];
                if (second != first) {
                    xs[n] = second + 1;
                    ys[n++] = values[second];
                }
                min = Math.min(min, values[lo]);
                max = Math.max(max, values[hi]);
            }
        }
        return new Series(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), n == 0 ? Double.NaN : min,
                n == 0 ? Double.NaN : max, count);
    }

    /**
     * Histories side by side as a table, one row per iteration (or epoch) from 1 to {@code upTo}: the counter's
     * column, then one column per history, every loss in full (a diverged run's NaN too). A history shorter than
     * the others leaves its cells empty.
     */
    public static CsvTable table(String counter, List<String> columns, List<LossHistory> histories, int upTo) {
        if (columns.size() != histories.size()) {
            throw new IllegalArgumentException(columns.size() + " column names for " + histories.size() + " histories");
        }
        List<String> header = new java.util.ArrayList<>(List.of(counter));
        header.addAll(columns);
        double[][] losses = new double[histories.size()][];
        int rows = 0;
        for (int h = 0; h < losses.length; h++) {
            LossHistory history = histories.get(h);
            synchronized (history) {
                losses[h] = Arrays.copyOf(history.values, Math.max(0, Math.min(upTo, history.count)));
            }
            rows = Math.max(rows, losses[h].length);
        }
        // Lazy: the numbers are copied now, their text made only when the table is written.
        return CsvTable.lazy(header, rows, i -> {
            Object[] row = new Object[losses.length + 1];
            row[0] = i + 1;
            for (int h = 0; h < losses.length; h++) {
                row[h + 1] = i < losses[h].length ? losses[h][i] : null;
            }
            return row;
        });
    }
}
