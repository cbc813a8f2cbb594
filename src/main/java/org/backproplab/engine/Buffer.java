package org.backproplab.engine;

/**
 * Dense storage for a tensor's values or gradients. Generic code reads and writes doubles through
 * {@link #get}/{@link #set}; hot paths take the backing array of the concrete type.
 */
public sealed interface Buffer permits F64Buffer, F32Buffer {

    static Buffer zeros(DType dtype, int length) {
        return dtype == DType.F64 ? new F64Buffer(new double[length]) : new F32Buffer(new float[length]);
    }

    DType dtype();

    int length();

    double get(int i);

    /** Stores v, rounded to this buffer's element type. */
    void set(int i, double v);

    /**
     * this[i] += v, where v is first rounded to the element type. Rounding first keeps the sum the same
     * whether a contribution is added straight in or collected elsewhere and added afterwards.
     */
    void add(int i, double v);

    void fill(double v);

    /** this[i] += other[i] for every i, in this buffer's precision. */
    void addAll(Buffer other);

    void copyFrom(Buffer other);

    /** A copy of the values as doubles (exact for both element types). */
    double[] toDoubles();
}
