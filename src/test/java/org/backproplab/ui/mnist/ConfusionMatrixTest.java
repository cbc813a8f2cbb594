package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final int[][] COUNTS = {
        {90, 10, 0},
        {5, 45, 0},
        {0, 30, 20},
    };

    @Test
    void totalsAccuracyAndRates() {
        ConfusionMatrix m = new ConfusionMatrix(COUNTS);
        assertEquals(3, m.classes());
        assertEquals(200, m.total());
        assertEquals(155 / 200.0, m.accuracy(), 1e-12);
        assertEquals(0.9, m.rate(0, 0), 1e-12);
        assertEquals(0.6, m.rate(2, 1), 1e-12);
        assertEquals(0.4, m.recall(2), 1e-12);
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += m.rate(r, c);
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void theWorstMixUpIsTheLargestOffDiagonalCell() {
        assertEquals(new ConfusionMatrix.Confusion(2, 1, 30), new ConfusionMatrix(COUNTS).worst());
        assertNull(new ConfusionMatrix(new int[][] {{3, 0}, {0, 4}}).worst());
    }

    @Test
    void mistakesAreBrightenedButStayInRange() {
        ConfusionMatrix m = new ConfusionMatrix(new int[][] {{98, 2}, {0, 100}});
        assertEquals(0.98, m.intensity(0, 0), 1e-12);
        assertTrue(m.intensity(0, 1) > 0.02 * 5, "2% shows as " + m.intensity(0, 1));
        assertEquals(0, m.intensity(1, 0));
        assertTrue(new ConfusionMatrix(new int[][] {{0, 1}, {1, 0}}).intensity(0, 1) <= 1);
    }

    @Test
    void anEmptyRowHasNoRateAndTheCountsAreCopied() {
        int[][] counts = {{0, 0}, {1, 1}};
        ConfusionMatrix m = new ConfusionMatrix(counts);
        counts[1][1] = 99;
        assertEquals(0, m.rate(0, 0));
        assertEquals(1, m.count(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new int[][] {{1, 2}, {3}}));
    }
}
