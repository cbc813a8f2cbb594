package org.backproplab.engine;

import java.util.Arrays;

/**
 * An immutable copy of a matrix of numbers, as doubles (exact for float32 too). Events carry snapshots so
 * that what a listener saw stays true after the engine moves on.
 */
public record Snapshot(int rows, int cols, double[] values) {

    public Snapshot {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("snapshot of [" + rows + "x" + cols + "] needs " + rows * cols
                    + " values, got " + values.length);
        }
        values = values.clone();
    }

    public static Snapshot of(int rows, int cols, Buffer buffer) {
        return new Snapshot(rows, cols, buffer.toDoubles());
    }

    public static Snapshot scalar(double v) {
        return new Snapshot(1, 1, new double[] {v});
    }

    public double get(int r, int c) {
        return values[r * cols + c];
    }

    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }

    /** The single value of a 1×1 snapshot. */
    public double item() {
        if (!isScalar()) {
            throw new IllegalStateException("item() needs a 1x1 snapshot, this one is [" + rows + "x" + cols + "]");
        }
        return values[0];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.rows == rows && s.cols == cols && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        if (isScalar()) {
            return Double.toString(values[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ", ").append(get(r, c));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
