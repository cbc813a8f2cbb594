package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MNIST files in datasets/mnist: counts and per-digit totals as published with them. */
class MnistFilesTest {

    private static Mnist mnist;

    @BeforeAll
    static void load() throws DataFileException {
        mnist = Mnist.load(Mnist.defaultDirectory());
    }

    @Test
    void countsAndShapes() {
        assertEquals(60_000, mnist.train().count());
        assertEquals(10_000, mnist.test().count());
        assertEquals(28, mnist.train().rows());
        assertEquals(28, mnist.test().cols());
    }

    @Test
    void labelTotalsPerDigit() {
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().labelCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.test().labelCounts());
    }

    @Test
    void firstTrainingImageIsTheFamousFive() {
        assertEquals(5, mnist.train().label(0));
        assertEquals(7, mnist.test().label(0));
        double ink = 0;
        for (int p = 0; p < 784; p++) {
            ink += mnist.train().pixel(0, p);
        }
        // numpy on the same file: a[0].sum() == 27525, so the scaled sum is 27525 / 255 = 107.941...
        assertEquals(27525 / 255.0, ink, 1e-4, "the sum of the scaled pixels of training image 0");
    }

    @Test
    void batchesCoverEveryExampleOnceAndKeepThePartialBatch() {
        Batches b = new Batches(mnist.test(), 128, new Random(0));
        b.shuffle();
        assertEquals(79, b.count());
        assertEquals(16, b.size(78));
        boolean[] seen = new boolean[10_000];
        for (int i = 0; i < b.count(); i++) {
            for (int k = 0; k < b.size(i); k++) {
                seen[b.index(i, k)] = true;
            }
        }
        for (boolean s : seen) {
            assertEquals(true, s);
        }
        float[] x = new float[128 * 784];
        float[] y = new float[128 * 10];
        b.gather(0, x, y);
        int label = mnist.test().label(b.index(0, 0));
        assertEquals(1f, y[label]);
        assertEquals(mnist.test().pixel(b.index(0, 0), 300), x[300]);
        Batches again = new Batches(mnist.test(), 128, new Random(0));
        again.shuffle();
        assertEquals(b.index(5, 3), again.index(5, 3), "same seed, same order");
    }
}
