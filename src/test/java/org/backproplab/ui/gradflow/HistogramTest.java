package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backproplab.nn.Activation;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsIntoEqualBinsWithTheSaturatedPartApart() {
        float[] v = {0.001f, 0.005f, 0.3f, 0.6f, 0.995f, 1f, Float.NaN};
        Histogram h = Histogram.of(v, Activation.Kind.SIGMOID, 0, 1, 4);
        assertArrayEquals(new int[] {2, 1, 1, 2}, h.counts());
        assertArrayEquals(new int[] {2, 0, 0, 2}, h.saturated());
        assertEquals(1, h.nonFinite());
        assertEquals(7, h.total());
        assertEquals(2, h.maxCount());
    }

    @Test
    void valuesOutsideGoToTheEndBins() {
        Histogram h = Histogram.of(new float[] {-5, 0, 9}, Activation.Kind.RELU, 0, 2, 2);
        assertArrayEquals(new int[] {2, 1}, h.counts());
        assertArrayEquals(new int[] {1, 0}, h.saturated(), "only the exact zero is a ReLU's saturation");
    }

    @Test
    void saturationIsCountedAsTheLabCountsIt() {
        assertEquals(true, Histogram.isSaturated(Activation.Kind.TANH, -0.995));
        assertEquals(false, Histogram.isSaturated(Activation.Kind.TANH, 0.98));
        assertEquals(true, Histogram.isSaturated(Activation.Kind.LEAKY_RELU, -0.001));
        assertEquals(false, Histogram.isSaturated(Activation.Kind.RELU, 1e-30));
    }

    @Test
    void deadUnitsAreZeroForTheWholeBatch() {
        float[] batch = {0, 1, 0, // three units, two examples
                         0, 0, 2};
        assertEquals(1, Histogram.deadUnits(batch, 3));
    }

    @Test
    void rangesFitTheActivation() {
        assertArrayEquals(new double[] {0, 1}, Histogram.range(Activation.Kind.SIGMOID, -3, 8));
        assertArrayEquals(new double[] {-1, 1}, Histogram.range(Activation.Kind.TANH, 0, 0));
        assertArrayEquals(new double[] {0, 5}, Histogram.range(Activation.Kind.RELU, 0, 3.2));
        assertArrayEquals(new double[] {-0.05, 20}, Histogram.range(Activation.Kind.LEAKY_RELU, -0.031, 11));
        assertArrayEquals(new double[] {0, 1}, Histogram.range(Activation.Kind.RELU, 0, 0), "nothing yet");
    }

    @Test
    void niceRoundsUpToOneTwoOrFive() {
        assertEquals(1, Histogram.nice(1), 0);
        assertEquals(2, Histogram.nice(1.01), 1e-12);
        assertEquals(5e-9, Histogram.nice(3e-9), 1e-20);
        assertEquals(1000, Histogram.nice(501), 1e-9);
    }
}
