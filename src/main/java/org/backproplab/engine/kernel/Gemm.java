package org.backproplab.engine.kernel;

/**
 * The matrix-product kernel seam: C = op(A) · op(B), row-major, where op transposes when asked. C is m×n,
 * op(A) is m×k and op(B) is k×n; A is stored k×m when transposed, B is stored n×k when transposed. C is
 * overwritten. Implementations differ in speed only: every element is a sum over k from 0 upwards, so
 * float64 results are the same to the bit.
 */
public interface Gemm {

    String name();

    void f32(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c);

    void f64(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c);
}
