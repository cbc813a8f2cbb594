package org.backproplab.engine;

import java.util.Arrays;

/** Float32 storage for bulk training. */
public record F32Buffer(float[] array) implements Buffer {

    /** The backing array of a buffer known to be float32, for the loops behind {@code engine.kernel}. */
    static float[] floats(Buffer buffer) {
        return ((F32Buffer) buffer).array;
    }

    @Override public DType dtype() { return DType.F32; }
    @Override public int length() { return array.length; }
    @Override public double get(int i) { return array[i]; }
    @Override public void set(int i, double v) { array[i] = (float) v; }
    @Override public void add(int i, double v) { array[i] += (float) v; }
    @Override public void fill(double v) { Arrays.fill(array, (float) v); }

    @Override
    public double[] toDoubles() {
        double[] d = new double[array.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = array[i];
        }
        return d;
    }

    @Override
    public void addAll(Buffer other) {
        float[] o = ((F32Buffer) other).array;
        for (int i = 0; i < array.length; i++) {
            array[i] += o[i];
        }
    }

    @Override
    public void copyFrom(Buffer other) {
        if (other instanceof F32Buffer f) {
            System.arraycopy(f.array, 0, array, 0, array.length);
        } else {
            for (int i = 0; i < array.length; i++) {
                array[i] = (float) other.get(i);
            }
        }
    }
}
