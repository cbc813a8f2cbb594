package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backproplab.files.CsvTable;
import org.junit.jupiter.api.Test;

class LossHistoryTest {

    @Test
    void fewLossesComeBackAsTheyAre() {
        LossHistory h = new LossHistory();
        h.add(3);
        h.add(Double.NaN);
        h.add(1);
        LossHistory.Series s = h.decimated(100);
        assertEquals(2, s.size(), "NaN is left out");
        assertEquals(3, s.iterations()[1]);
        assertEquals(1, s.min());
        assertEquals(3, s.max());
        assertEquals(3, s.count());
    }

    @Test
    void manyLossesAreDecimatedKeepingEverySpike() {
        LossHistory h = new LossHistory();
        for (int i = 0; i < 200_000; i++) {
            h.add(i == 123_457 ? 50 : i == 77_777 ? -5 : 1.0 / (1 + i));
        }
        LossHistory.Series s = h.decimated(300);
        assertTrue(s.size() <= 600, "points: " + s.size());
        assertEquals(50, s.max());
        assertEquals(-5, s.min());
        boolean spike = false;
        for (int i = 0; i < s.size(); i++) {
            spike |= s.losses()[i] == 50 && s.iterations()[i] == 123_458;
            if (i > 0) {
                assertTrue(s.iterations()[i] > s.iterations()[i - 1], "iterations increase");
            }
        }
        assertTrue(spike, "the spike at iteration 123458 is drawn");
    }

    @Test
    void aTableHasOneRowPerIterationWithEveryLossInFull() {
        LossHistory h = new LossHistory();
        h.add(0.1 + 0.2);
        h.add(Double.NaN);
        h.add(0.5);
        CsvTable t = LossHistory.table("iteration", List.of("loss"), List.of(h), 2);
        assertEquals("iteration,loss\r\n1,0.30000000000000004\r\n2,NaN\r\n", t.toCsv());
    }

    @Test
    void historiesSideBySideLeaveTheShorterOnesCellsEmpty() {
        LossHistory train = new LossHistory();
        LossHistory test = new LossHistory();
        train.add(2);
        train.add(1);
        test.add(3);
        CsvTable t = LossHistory.table("epoch", List.of("train_loss", "test_loss"), List.of(train, test), 10);
        assertEquals(List.of("epoch", "train_loss", "test_loss"), t.columns());
        assertEquals(List.of("2", "1.0", ""), t.row(1));
    }
}
