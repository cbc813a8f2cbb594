package org.backproplab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.backproplab.concurrent.Parallel;

/**
 * Float32 matrix product with the Vector API: a micro-kernel of 12 rows × 2 vectors of C (4 rows where vectors
 * are narrower than 512 bits, and for the last rows) kept in FMA accumulators across the whole k loop, columns that do not fill two vectors done in a zero-padded panel, and
 * large products split by rows over the cores. Only loaded when the {@code jdk.incubator.vector} module is
 * present (see {@link Kernels}); float64 goes to the plain kernel, where exactness matters more than speed.
 */
final class VectorGemm implements Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Below this many multiply-adds a product stays on one core: splitting costs more than it saves. */
    private static final long PARALLEL_WORK = 1L << 18;
    /** B larger than this many floats (1 MB, a core's L2 cache here) is split by columns instead of rows. */
    private static final long LARGE_B = 1L << 18;
    /** Rows a micro-kernel step takes: 12 where vectors are 512 bits wide (AVX-512 has 32 registers), else 4. */
    private static final int TALL = S.vectorBitSize() >= 512 ? 12 : 4;
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
        float[] bn = transB ? transpose(b, n, k) : b;
        if ((long) m * n * k < PARALLEL_WORK || m < 8) {
            rows(transA, m, n, k, a, bn, c, 0, m);
            return;
        }
        int panels = n / (2 * L);
        if ((long) k * n > LARGE_B && panels >= 2 * Parallel.parallelism()) {
            // B does not fit in a core's cache: give each part a panel of B's columns and all rows, so that the
            // panel is read from nearby cache for every row block instead of all of B from memory for each.
            boolean tail = panels * 2 * L < n;
            Parallel.run(panels + (tail ? 1 : 0), p -> {
                if (p < panels) {
                    panel(transA, m, n, k, a, bn, c, p * 2 * L);
                } else {
                    paddedTail(transA, m, n, k, a, bn, c, 0, m, panels * 2 * L);
                }
            });
            return;
        }
        // Several parts per thread, taken from a shared counter, so that a late thread costs little.
        int perPart = (m + 8 * Parallel.parallelism() - 1) / (8 * Parallel.parallelism());
        int chunk = Math.max(TALL, (perPart + TALL - 1) / TALL * TALL);
        int parts = (m + chunk - 1) / chunk;
        Parallel.run(parts, p -> {
            int from = p * chunk;
            int to = p == parts - 1 ? m : Math.min(m, from + chunk);
            if (from < to) {
                rows(transA, m, n, k, a, bn, c, from, to);
            }
        });
    }

    /** B is n×k: lay it out as k×n once, so that the inner loop reads contiguous rows. */
    private static float[] transpose(float[] b, int n, int k) {
        float[] bn = TRANSPOSED.get();
        if (bn.length < n * k) {
            bn = new float[n * k];
            TRANSPOSED.set(bn);
        }
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < k; p++) {
                bn[p * n + j] = b[j * k + p];
            }
        }
        return bn;
    }

    /** Columns j..j+2L of C, all rows. */
    private static void panel(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int j) {
        blocks(transA, m, n, k, a, b, c, 0, m, j, j + 2 * L);
    }

    private static void rows(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        int jFull = n - n % (2 * L);
        blocks(transA, m, n, k, a, b, c, from, to, 0, jFull);
        if (jFull < n) {
            paddedTail(transA, m, n, k, a, b, c, from, to, jFull);
        }
    }

    /** Rows from..to of C in columns jFrom..jTo (whole pairs of vectors): 12 rows at a time, then 4, then 1. */
    private static void blocks(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to,
                               int jFrom, int jTo) {
        int i = from;
        if (TALL == 12) {
            for (; i + 12 <= to; i += 12) {
                for (int j = jFrom; j < jTo; j += 2 * L) {
                    block12(transA, m, k, a, i, b, j, n, c, i * n + j, n);
                }
            }
        }
        for (; i + 4 <= to; i += 4) {
            for (int j = jFrom; j < jTo; j += 2 * L) {
                block4(transA, m, k, a, i, b, j, n, c, i * n + j, n);
            }
        }
        for (; i < to; i++) {
            for (int j = jFrom; j < jTo; j += 2 * L) {
                block1(transA, m, k, a, i, b, j, n, c, i * n + j, n);
            }
        }
    }

    /**
     * Columns jFull..n, fewer than two vectors (all ten of a classifier's outputs): copied into a panel padded
     * with zeros to whole vectors, multiplied there with full-width loads, and copied back. Masked loads would
     * avoid the copies but are slow on this JDK. Up to one vector wide, 8 rows × 1 vector per step, so that a
     * 10-column product does not pay for 32 lanes.
     */
    private static void paddedTail(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int from,
                                   int to, int jFull) {
        int w = n - jFull;
        boolean narrow = w <= L;
        int pw = narrow ? L : 2 * L;
        float[][] scratch = PANELS.get();
        float[] panel = scratch[0].length >= k * pw ? scratch[0] : (scratch[0] = new float[k * pw]);
        float[] out = scratch[1].length >= (to - from) * pw ? scratch[1] : (scratch[1] = new float[(to - from) * pw]);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n + jFull, panel, p * pw, w);
            java.util.Arrays.fill(panel, p * pw + w, (p + 1) * pw, 0f);
        }
        int i = from;
        if (narrow) {
            for (; i + 8 <= to; i += 8) {
                block8x1(transA, m, k, a, i, panel, out, (i - from) * pw);
            }
            for (; i < to; i++) {
                block1x1(transA, m, k, a, i, panel, out, (i - from) * pw);
            }
        } else {
            for (; i + 4 <= to; i += 4) {
                block4(transA, m, k, a, i, panel, 0, pw, out, (i - from) * pw, pw);
            }
            for (; i < to; i++) {
                block1(transA, m, k, a, i, panel, 0, pw, out, (i - from) * pw, pw);
            }
        }
        for (int r = from; r < to; r++) {
            System.arraycopy(out, (r - from) * pw, c, r * n + jFull, w);
        }
    }

    private static final ThreadLocal<float[][]> PANELS = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    private static float at(boolean transA, int m, int k, float[] a, int i, int p) {
        return transA ? a[p * m + i] : a[i * k + p];
    }

    /** C[i..i+4, two vectors] = A[i..i+4, :] · B[:, two vectors]; B(p, ·) at bOff + p·bStride, C row r at cOff + r·cStride. */
    private static void block4(boolean transA, int m, int k, float[] a, int i, float[] b, int bOff, int bStride,
                               float[] c, int cOff, int cStride) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * bStride;
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
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c10.intoArray(c, cOff + cStride);
        c11.intoArray(c, cOff + cStride + L);
        c20.intoArray(c, cOff + 2 * cStride);
        c21.intoArray(c, cOff + 2 * cStride + L);
        c30.intoArray(c, cOff + 3 * cStride);
        c31.intoArray(c, cOff + 3 * cStride + L);
    }

    /**
     * C[i..i+12, two vectors] = A[i..i+12, :] · B[:, two vectors]: 24 accumulators, which AVX-512's 32 vector
     * registers hold with room for B and the broadcast. Each B load then feeds 12 FMAs instead of 4, and the
     * product runs at about twice the rate of {@link #block4} (257 against 110 GFLOP/s on one core at 128×784×128).
     * Written out, because the Vector API needs each accumulator in a local to keep it in a register.
     */
    private static void block12(boolean transA, int m, int k, float[] a, int i, float[] b, int bOff, int bStride,
                                float[] c, int cOff, int cStride) {
        FloatVector c0a = FloatVector.zero(S), c0b = FloatVector.zero(S);
        FloatVector c1a = FloatVector.zero(S), c1b = FloatVector.zero(S);
        FloatVector c2a = FloatVector.zero(S), c2b = FloatVector.zero(S);
        FloatVector c3a = FloatVector.zero(S), c3b = FloatVector.zero(S);
        FloatVector c4a = FloatVector.zero(S), c4b = FloatVector.zero(S);
        FloatVector c5a = FloatVector.zero(S), c5b = FloatVector.zero(S);
        FloatVector c6a = FloatVector.zero(S), c6b = FloatVector.zero(S);
        FloatVector c7a = FloatVector.zero(S), c7b = FloatVector.zero(S);
        FloatVector c8a = FloatVector.zero(S), c8b = FloatVector.zero(S);
        FloatVector c9a = FloatVector.zero(S), c9b = FloatVector.zero(S);
        FloatVector c10a = FloatVector.zero(S), c10b = FloatVector.zero(S);
        FloatVector c11a = FloatVector.zero(S), c11b = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * bStride;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector ar;
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 0, p));
            c0a = ar.fma(b0, c0a);
            c0b = ar.fma(b1, c0b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 1, p));
            c1a = ar.fma(b0, c1a);
            c1b = ar.fma(b1, c1b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 2, p));
            c2a = ar.fma(b0, c2a);
            c2b = ar.fma(b1, c2b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 3, p));
            c3a = ar.fma(b0, c3a);
            c3b = ar.fma(b1, c3b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 4, p));
            c4a = ar.fma(b0, c4a);
            c4b = ar.fma(b1, c4b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 5, p));
            c5a = ar.fma(b0, c5a);
            c5b = ar.fma(b1, c5b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 6, p));
            c6a = ar.fma(b0, c6a);
            c6b = ar.fma(b1, c6b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 7, p));
            c7a = ar.fma(b0, c7a);
            c7b = ar.fma(b1, c7b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 8, p));
            c8a = ar.fma(b0, c8a);
            c8b = ar.fma(b1, c8b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 9, p));
            c9a = ar.fma(b0, c9a);
            c9b = ar.fma(b1, c9b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 10, p));
            c10a = ar.fma(b0, c10a);
            c10b = ar.fma(b1, c10b);
            ar = FloatVector.broadcast(S, at(transA, m, k, a, i + 11, p));
            c11a = ar.fma(b0, c11a);
            c11b = ar.fma(b1, c11b);
        }
        c0a.intoArray(c, cOff);
        c0b.intoArray(c, cOff + L);
        c1a.intoArray(c, cOff + cStride);
        c1b.intoArray(c, cOff + cStride + L);
        c2a.intoArray(c, cOff + 2 * cStride);
        c2b.intoArray(c, cOff + 2 * cStride + L);
        c3a.intoArray(c, cOff + 3 * cStride);
        c3b.intoArray(c, cOff + 3 * cStride + L);
        c4a.intoArray(c, cOff + 4 * cStride);
        c4b.intoArray(c, cOff + 4 * cStride + L);
        c5a.intoArray(c, cOff + 5 * cStride);
        c5b.intoArray(c, cOff + 5 * cStride + L);
        c6a.intoArray(c, cOff + 6 * cStride);
        c6b.intoArray(c, cOff + 6 * cStride + L);
        c7a.intoArray(c, cOff + 7 * cStride);
        c7b.intoArray(c, cOff + 7 * cStride + L);
        c8a.intoArray(c, cOff + 8 * cStride);
        c8b.intoArray(c, cOff + 8 * cStride + L);
        c9a.intoArray(c, cOff + 9 * cStride);
        c9b.intoArray(c, cOff + 9 * cStride + L);
        c10a.intoArray(c, cOff + 10 * cStride);
        c10b.intoArray(c, cOff + 10 * cStride + L);
        c11a.intoArray(c, cOff + 11 * cStride);
        c11b.intoArray(c, cOff + 11 * cStride + L);
    }

    private static void block1(boolean transA, int m, int k, float[] a, int i, float[] b, int bOff, int bStride,
                               float[] c, int cOff, int cStride) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * bStride;
            FloatVector ai = FloatVector.broadcast(S, at(transA, m, k, a, i, p));
            c0 = ai.fma(FloatVector.fromArray(S, b, bp), c0);
            c1 = ai.fma(FloatVector.fromArray(S, b, bp + L), c1);
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + L);
    }

    /** C[i..i+8, one vector] = A[i..i+8, :] · panel, the panel (and C) one vector wide. */
    private static void block8x1(boolean transA, int m, int k, float[] a, int i, float[] panel, float[] c, int cOff) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector bp = FloatVector.fromArray(S, panel, p * L);
            c0 = FloatVector.broadcast(S, at(transA, m, k, a, i, p)).fma(bp, c0);
            c1 = FloatVector.broadcast(S, at(transA, m, k, a, i + 1, p)).fma(bp, c1);
            c2 = FloatVector.broadcast(S, at(transA, m, k, a, i + 2, p)).fma(bp, c2);
            c3 = FloatVector.broadcast(S, at(transA, m, k, a, i + 3, p)).fma(bp, c3);
            c4 = FloatVector.broadcast(S, at(transA, m, k, a, i + 4, p)).fma(bp, c4);
            c5 = FloatVector.broadcast(S, at(transA, m, k, a, i + 5, p)).fma(bp, c5);
            c6 = FloatVector.broadcast(S, at(transA, m, k, a, i + 6, p)).fma(bp, c6);
            c7 = FloatVector.broadcast(S, at(transA, m, k, a, i + 7, p)).fma(bp, c7);
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + L);
        c2.intoArray(c, cOff + 2 * L);
        c3.intoArray(c, cOff + 3 * L);
        c4.intoArray(c, cOff + 4 * L);
        c5.intoArray(c, cOff + 5 * L);
        c6.intoArray(c, cOff + 6 * L);
        c7.intoArray(c, cOff + 7 * L);
    }

    private static void block1x1(boolean transA, int m, int k, float[] a, int i, float[] panel, float[] c, int cOff) {
        FloatVector c0 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            c0 = FloatVector.broadcast(S, at(transA, m, k, a, i, p)).fma(FloatVector.fromArray(S, panel, p * L), c0);
        }
        c0.intoArray(c, cOff);
    }

    /**
     * Runs every micro-kernel, in both layouts of A, on a tiny product until the JIT has had reason to compile it.
     * Until C2 has compiled a kernel, its vectors are objects and a product runs a hundred times slower; the 12-row
     * kernel takes C2 a good part of a second, so {@link Kernels#warmUpInBackground} has this done on a thread of
     * its own while data loads, not in the first epoch. Touches only its own arrays, and not the row and column splitting above,
     * whose branch profiles should come from real products.
     */
    static void warmUp() {
        int m = 12;
        int k = 16;
        float[] a = new float[m * k];
        float[] b = new float[k * 2 * L];
        float[] c = new float[m * 2 * L];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        for (int rep = 0; rep < 3000; rep++) {
            boolean transA = (rep & 1) == 0;
            block12(transA, m, k, a, 0, b, 0, 2 * L, c, 0, 2 * L);
            block4(transA, m, k, a, 0, b, 0, 2 * L, c, 0, 2 * L);
            block1(transA, m, k, a, 0, b, 0, 2 * L, c, 0, 2 * L);
            block8x1(transA, m, k, a, 0, b, c, 0);
            block1x1(transA, m, k, a, 0, b, c, 0);
        }
    }
}
