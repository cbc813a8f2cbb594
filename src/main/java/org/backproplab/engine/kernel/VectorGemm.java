package org.backproplab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 matrix product with the Vector API: a micro-kernel of 4 rows × 2 vectors of C kept in FMA
 * accumulators across the whole k loop. Only loaded when the {@code jdk.incubator.vector} module is
 * present (see {@link Kernels}); float64 goes to the plain kernel, where exactness matters more than speed.
 */
final class VectorGemm implements Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ThreadLocal<float[]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[0]);

    private final JavaGemm plain = new JavaGemm();

    @Override
    public String name() {
        return "Vector API (" + S.vectorBitSize() + "-bit)";
    }

    @Override
    public void f64(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        plain.f64(transA, transB, m, n, k, a, b, c);
    }

    @Override
    public void f32(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        float[] bn = b;
        if (transB) {
            // B is n×k: lay it out as k×n once so the inner loop reads contiguous rows.
            bn = TRANSPOSED.get();
            if (bn.length < n * k) {
                bn = new float[n * k];
                TRANSPOSED.set(bn);
            }
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bn[p * n + j] = b[j * k + p];
                }
            }
        }
        int jVec = n - n % (2 * L);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            for (int j = 0; j < jVec; j += 2 * L) {
                block4(transA, m, n, k, a, bn, c, i, j);
            }
            for (int r = i; r < i + 4; r++) {
                tail(transA, m, n, k, a, bn, c, r, jVec);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < jVec; j += 2 * L) {
                block1(transA, m, n, k, a, bn, c, i, j);
            }
            tail(transA, m, n, k, a, bn, c, i, jVec);
        }
    }

    private static float at(boolean transA, int m, int k, float[] a, int i, int p) {
        return transA ? a[p * m + i] : a[i * k + p];
    }

    private static void block4(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int i, int j) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector a0 = FloatVector.broadcast(S, at(transA, m, k, a, i, p));
            FloatVector a1 = FloatVector.broadcast(S, at(transA, m, k, a, i + 1, p));
            FloatVector a2 = FloatVector.broadcast(S, at(transA, m, k, a, i + 2, p));
            FloatVector a3 = FloatVector.broadcast(S, at(transA, m, k, a, i + 3, p));
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        int ci = i * n + j;
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, ci + n);
        c11.intoArray(c, ci + n + L);
        c20.intoArray(c, ci + 2 * n);
        c21.intoArray(c, ci + 2 * n + L);
        c30.intoArray(c, ci + 3 * n);
        c31.intoArray(c, ci + 3 * n + L);
    }

    private static void block1(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int i, int j) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = p * n + j;
            FloatVector ai = FloatVector.broadcast(S, at(transA, m, k, a, i, p));
            c0 = ai.fma(FloatVector.fromArray(S, b, bp), c0);
            c1 = ai.fma(FloatVector.fromArray(S, b, bp + L), c1);
        }
        c0.intoArray(c, i * n + j);
        c1.intoArray(c, i * n + j + L);
    }

    /** The columns from {@code from} to n that do not fill two vectors. */
    private static void tail(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int i, int from) {
        for (int j = from; j < n; j++) {
            float sum = 0f;
            for (int p = 0; p < k; p++) {
                sum += at(transA, m, k, a, i, p) * b[p * n + j];
            }
            c[i * n + j] = sum;
        }
    }
}
