package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Batch normalisation in training and evaluation mode, against numbers worked out by hand. */
class BatchNormTest {

    @Test
    void trainingModeNormalisesEachColumnWithBatchStatistics() {
        Tensor x = Tensor.of(new double[][] {{1, 10}, {3, 10}, {5, 40}, {7, 40}});
        Tensor gamma = Tensor.row(2, 1);
        Tensor beta = Tensor.row(0.5, -1);
        BatchNorm.Statistics stats = new BatchNorm.Statistics(2);
        Tensor y = BatchNorm.of(x, gamma, beta, stats);
        // column 0: mean 4, biased variance (9+1+1+9)/4 = 5
        double inv = 1 / Math.sqrt(5 + 1e-5);
        assertEquals(2 * (1 - 4) * inv + 0.5, y.get(0, 0), 1e-12);
        assertEquals(2 * (7 - 4) * inv + 0.5, y.get(3, 0), 1e-12);
        // column 1: mean 25, variance 225
        assertEquals((10 - 25) / Math.sqrt(225 + 1e-5) - 1, y.get(0, 1), 1e-12);
        // running averages move 10% of the way, the variance unbiased (×4/3)
        assertArrayEquals(new double[] {0.4, 2.5}, stats.runningMean(), 1e-12);
        assertArrayEquals(new double[] {0.9 + 0.1 * 5 * 4 / 3, 0.9 + 0.1 * 225 * 4 / 3}, stats.runningVar(), 1e-12);
    }

    @Test
    void evaluationModeUsesRunningAveragesAndLeavesThemAlone() {
        BatchNorm.Statistics stats = new BatchNorm.Statistics(1);
        stats.setRunning(new double[] {2}, new double[] {4});
        stats.setTraining(false);
        Tensor x = Tensor.of(new double[][] {{0}, {6}});
        Tensor gamma = Tensor.row(3);
        Tensor y = BatchNorm.of(x, gamma, Tensor.row(1), stats);
        double inv = 1 / Math.sqrt(4 + 1e-5);
        assertEquals(3 * (0 - 2) * inv + 1, y.get(0, 0), 1e-12);
        assertEquals(3 * (6 - 2) * inv + 1, y.get(1, 0), 1e-12);
        assertArrayEquals(new double[] {2}, stats.runningMean());
        Graph.of(y).backward();
        assertArrayEquals(new double[] {3 * inv, 3 * inv}, x.gradSnapshot().values(), 1e-12);
        assertEquals((0 - 2) * inv + (6 - 2) * inv, gamma.gradItem(), 1e-12);
    }

    @Test
    void trainingModeGradientOfTheSumVanishesForX() {
        // Σ y does not change when x shifts: batch statistics absorb it, so ∂(Σy)/∂x = 0.
        Tensor x = Tensor.of(new double[][] {{1, -2}, {0.5, 3}, {2, 1}});
        Tensor y = BatchNorm.training(x, Tensor.row(1.5, -0.5), Tensor.row(0, 0));
        Graph.of(Reduce.Kind.SUM.on(y)).backward();
        for (double g : x.gradSnapshot().values()) {
            assertEquals(0, g, 1e-12);
        }
    }
}
