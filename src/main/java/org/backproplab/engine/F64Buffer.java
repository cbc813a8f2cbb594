package org.backproplab.engine;

import java.util.Arrays;

/** Float64 storage. */
public record F64Buffer(double[] array) implements Buffer {

    @Override public DType dtype() { return DType.F64; }
    @Override public int length() { return array.length; }
    @Override public double get(int i) { return array[i]; }
    @Override public void set(int i, double v) { array[i] = v; }
    @Override public void add(int i, double v) { array[i] += v; }
    @Override public void fill(double v) { Arrays.fill(array, v); }
    @Override public double[] toDoubles() { return array.clone(); }

    @Override
    public void addAll(Buffer other) {
        double[] o = ((F64Buffer) other).array;
        for (int i = 0; i < array.length; i++) {
            array[i] += o[i];
        }
    }

    @Override
    public void copyFrom(Buffer other) {
        if (other instanceof F64Buffer f) {
            System.arraycopy(f.array, 0, array, 0, array.length);
        } else {
            for (int i = 0; i < array.length; i++) {
                array[i] = other.get(i);
            }
        }
    }
}
