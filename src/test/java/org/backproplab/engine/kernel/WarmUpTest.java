package org.backproplab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up runs every micro-kernel in both layouts of A within its arrays, and starts one thread at most. */
class WarmUpTest {

    @Test
    void everyKernelRunsOnTheWarmUpsOwnArrays() {
        VectorGemm.warmUp(); // an index outside its small arrays would throw here
    }

    @Test
    void startsOneThreadHoweverOftenAsked() throws InterruptedException {
        Kernels.warmUpInBackground();
        Kernels.warmUpInBackground();
        long running = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("backprop-lab kernel warm-up")).count();
        assertEquals(true, running <= 1, running + " warm-up threads");
    }
}
