package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void gatherScalesPixelsAndOneHotsLabels() {
        float[] x = new float[2 * 784];
        float[] y = new float[2 * 10];
        java.util.Arrays.fill(y, 5f);
        mnist.test().gather(new int[] {4, 9, 0}, 1, 2, x, y);
        assertEquals(mnist.test().pixel(9, 300), x[300]);
        assertEquals(mnist.test().pixel(0, 200), x[784 + 200]);
        float[] expected = new float[20];
        expected[mnist.test().label(9)] = 1;
        expected[10 + mnist.test().label(0)] = 1;
        assertArrayEquals(expected, y);
    }
}
