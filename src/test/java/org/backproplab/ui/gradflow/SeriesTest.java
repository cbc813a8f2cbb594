package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void keepsEveryStepUntilFull() {
        Series s = new Series(4);
        for (int i = 0; i < 4; i++) {
            s.add(i, i * 10);
        }
        assertEquals(4, s.size());
        assertArrayEquals(new double[] {0, 10, 20, 30}, s.values());
        assertEquals(3, s.lastStep());
    }

    @Test
    void whenFullNeighboursBecomeTheirMeanAndTheNewestShowAtOnce() {
        Series s = new Series(4);
        for (int i = 0; i < 5; i++) {
            s.add(i, i);
        }
        // 0,1 → 0.5 (at step 1); 2,3 → 2.5 (at step 3); step 4 waits for its partner but shows already
        assertEquals(2, s.stride());
        assertArrayEquals(new double[] {0.5, 2.5, 4}, s.values());
        assertEquals(4, s.lastStep());
        s.add(5, 5);
        assertArrayEquals(new double[] {0.5, 2.5, 4.5}, s.values());
        assertEquals(5, s.step(2));
        for (int i = 6; i < 1000; i++) {
            s.add(i, i);
        }
        assertTrue(s.size() <= 5, "at most the capacity and one unfinished point: " + s.size());
        assertEquals(999, s.lastStep());
    }

    @Test
    void aNanStaysVisibleInItsMean() {
        Series s = new Series(2);
        s.add(0, 1);
        s.add(1, Double.NaN);
        s.add(2, 3);
        assertTrue(Double.isNaN(s.value(0)));
    }

    @Test
    void aCopyIsIndependent() {
        Series s = new Series(4);
        s.add(0, 1);
        Series copy = s.copy();
        s.add(1, 2);
        assertEquals(1, copy.size());
        assertEquals(2, s.size());
    }
}
