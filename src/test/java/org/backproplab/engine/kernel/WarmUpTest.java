package org.backproplab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The warm-up runs every micro-kernel in both layouts of A within its arrays, and starts one thread at most. */
class WarmUpTest {

    @Test
    void everyKernelRunsOnTheWarmUpsOwnArrays() {
        Gemm vector = Kernels.vectorOrNull();
        assumeTrue(vector != null, "the Vector API module is not loaded: there is nothing to warm up");
        // a product of the warm-up's shape (12 rows, k = 16), in both layouts of A, before and after it: the kernels'
        // buffers kept per thread are shared with real products, so a warm-up that wrote into them would show here
        float[][] before = {product(vector, false), product(vector, true)};
        assertDoesNotThrow(VectorGemm::warmUp, "the warm-up ran a kernel outside its small arrays");
        float[][] after = {product(vector, false), product(vector, true)};
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(before[t], after[t], "transA " + (t == 1) + ": the warm-up left something behind");
            float[] plain = new float[before[t].length];
            new JavaGemm().f32(t == 1, false, 12, 40, 16, inputs(t == 1)[0], inputs(t == 1)[1], plain);
            for (int i = 0; i < plain.length; i++) {
                assertEquals(plain[i], after[t][i], 1e-4, "element " + i);
            }
        }
    }

    private static float[] product(Gemm gemm, boolean transA) {
        float[][] ab = inputs(transA);
        float[] c = new float[12 * 40];
        gemm.f32(transA, false, 12, 40, 16, ab[0], ab[1], c);
        return c;
    }

    private static float[][] inputs(boolean transA) {
        Random random = new Random(transA ? 2 : 1);
        float[] a = new float[12 * 16];
        float[] b = new float[16 * 40];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        return new float[][] {a, b};
    }

    @Test
    void startsOneThreadHoweverOftenAsked() {
        assumeTrue(Kernels.gemm() instanceof VectorGemm, "without the Vector API there is no warm-up thread");
        Kernels.warmUpInBackground();
        Thread first = Kernels.warmUpThread();
        assertNotNull(first, "asked once, the warm-up has a thread");
        assertEquals("backprop-lab kernel warm-up", first.getName());
        for (int i = 0; i < 5; i++) {
            Kernels.warmUpInBackground();
            // the same thread, whether it is still running or has ended
            assertSame(first, Kernels.warmUpThread(), "asked again, a second warm-up thread was started");
        }
    }
}
