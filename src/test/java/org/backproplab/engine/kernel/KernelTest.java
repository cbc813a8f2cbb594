package org.backproplab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both matrix-product kernels agree with a float64 reference on odd shapes, in all four layouts; the plain and
 * vector element-wise loops give the same bits.
 */
class KernelTest {

    @ParameterizedTest(name = "{0}x{2} @ {2}x{1}")
    @CsvSource({"1,1,1", "3,5,7", "4,32,16", "5,33,17", "17,31,9", "64,128,784", "129,10,130", "7,70,3", "9,16,5", "8,17,4", "784,10,128", "25,64,33", "40,96,50", "128,128,784", "30,1100,300", "17,800,784"})
    void kernelsMatchDoubleReference(int m, int n, int k) {
        Gemm vector = Kernels.vectorOrNull();
        assertNotNull(vector, "tests run with --add-modules jdk.incubator.vector; the fast path must load");
        Random rng = new Random(m * 1000L + n * 10L + k);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = randomFloats(rng, m * k);
                float[] b = randomFloats(rng, k * n);
                double[] expected = reference(ta, tb, m, n, k, a, b);
                for (Gemm g : new Gemm[] {new JavaGemm(), vector}) {
                    float[] c = new float[m * n];
                    java.util.Arrays.fill(c, 99f); // overwritten, never added to
                    g.f32(ta, tb, m, n, k, a, b, c);
                    for (int i = 0; i < c.length; i++) {
                        assertEquals(expected[i], c[i], 1e-5 * (1 + k) , g.name() + " ta=" + ta + " tb=" + tb + " at " + i);
                    }
                    double[] ad = toDoubles(a);
                    double[] bd = toDoubles(b);
                    double[] cd = new double[m * n];
                    g.f64(ta, tb, m, n, k, ad, bd, cd);
                    for (int i = 0; i < cd.length; i++) {
                        assertEquals(expected[i], cd[i], 1e-12 * (1 + k), g.name() + " f64 at " + i);
                    }
                }
            }
        }
    }

    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * m + i] : a[i * k + p];
                    double y = tb ? b[j * k + p] : b[p * n + j];
                    s += x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static float[] randomFloats(Random rng, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) rng.nextGaussian();
        }
        return f;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @org.junit.jupiter.api.Test
    void reluBackwardLoopsAgree() {
        FloatOps vector = Kernels.vectorFloatOpsOrNull();
        assertNotNull(vector);
        Random rng = new Random(3);
        for (int n : new int[] {1, 15, 16, 17, 100, 16 * 128 + 5}) {
            float[] x = randomFloats(rng, n);
            float[] g = randomFloats(rng, n);
            x[0] = 0f; // the kink: no gradient, as the float64 path
            float[] plain = new float[n];
            float[] fast = new float[n];
            new FloatOps.Plain().reluBackward(x, g, plain);
            vector.reluBackward(x, g, fast);
            org.junit.jupiter.api.Assertions.assertArrayEquals(plain, fast);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i] > 0 ? g[i] : 0f, plain[i]);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void sharedLoopsComputeTheOpsRules() {
        FloatOps ops = new FloatOps.Plain();
        float[] a = {1f, -2f, 3f, 0.5f, 0f, -0f};
        float[] row = {10f, 20f, 30f};
        float[] out = new float[6];
        ops.addRow(a, row, out, 3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {11f, 18f, 33f, 10.5f, 20f, 30f}, out);
        float[] sums = new float[3];
        ops.addBroadcastSums(a, sums, 3); // a bias row: the column sums
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1.5f, -2f, 3f}, sums);
        float[] total = {0f};
        ops.addBroadcastSums(a, total, 3); // a scalar: the sum of everything
        assertEquals(2.5f, total[0]);
        ops.relu(a, out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f, 0f, 3f, 0.5f, 0f, 0f}, out);
        ops.multiply(a, new float[] {2f, 2f, 0f, 2f, 2f, 2f}, out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {2f, -4f, 0f, 1f, 0f, -0f}, out);
    }

    @org.junit.jupiter.api.Test
    void expLoopsGiveTheSameBitsWithinTwoUlpOfMathExp() {
        FloatOps vector = Kernels.vectorFloatOpsOrNull();
        assertNotNull(vector);
        Random rng = new Random(5);
        float[] x = new float[16 * 400 + 7];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 30); // softmax's x − max is at most 0; the rest for the range
        }
        float[] special = {0f, Float.NEGATIVE_INFINITY, -104f, Float.NaN, Float.POSITIVE_INFINITY, 89f, -87.3f,
            88.3f, 1f, -1f, 0.5f, -0.34657f, 0.34657f};
        System.arraycopy(special, 0, x, 0, special.length);
        float[] plain = x.clone();
        float[] fast = x.clone();
        new FloatOps.Plain().exp(plain, plain.length);
        vector.exp(fast, fast.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain, fast, "the same bits from both loops");
        assertEquals(1f, fast[0]);
        assertEquals(0f, fast[1]);
        assertEquals(0f, fast[2]);
        org.junit.jupiter.api.Assertions.assertTrue(Float.isNaN(fast[3]));
        assertEquals(Float.POSITIVE_INFINITY, fast[4]);
        assertEquals(Float.POSITIVE_INFINITY, fast[5]);
        for (int i = 6; i < x.length; i++) {
            if (x[i] < -87.33654f || x[i] > 88.37626f) {
                continue;
            }
            float exact = (float) Math.exp(x[i]);
            // relative: below 2^-126 the result is subnormal, where an ulp is a larger share of the value
            assertEquals(exact, fast[i], Math.max(2 * Math.ulp(exact), Float.MIN_NORMAL * 2e-7f), "exp(" + x[i] + ")");
        }
    }

    @org.junit.jupiter.api.Test
    void largeProductsSplitOverCoresGiveTheSameBitsAsOneCore() {
        Gemm vector = Kernels.vectorOrNull();
        Random rng = new Random(4);
        // Row i of C is the same sum whichever thread computes it: compare rows of a large product split by rows
        // with a 4-row slice done alone ...
        assertRowsMatchASliceDoneAlone(vector, rng, 260, 70, 300, 128);
        // ... and of one whose B is too large for a core's cache, so it is split by columns: still the same bits.
        assertRowsMatchASliceDoneAlone(vector, rng, 40, 800 + 5, 400, 12);
    }

    private static void assertRowsMatchASliceDoneAlone(Gemm vector, Random rng, int m, int n, int k, int firstRow) {
        float[] a = randomFloats(rng, m * k);
        float[] b = randomFloats(rng, k * n);
        float[] whole = new float[m * n];
        vector.f32(false, false, m, n, k, a, b, whole);
        float[] slice = new float[4 * n];
        vector.f32(false, false, 4, n, k, java.util.Arrays.copyOfRange(a, firstRow * k, (firstRow + 4) * k), b, slice);
        org.junit.jupiter.api.Assertions.assertArrayEquals(slice,
                java.util.Arrays.copyOfRange(whole, firstRow * n, (firstRow + 4) * n));
    }
}
