package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.backproplab.files.CsvTable;
import org.junit.jupiter.api.Test;

class TrainingMetricsTest {

    @Test
    void oneRowPerEpochWithEveryFigureInFullAndAPointInAnyLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            List<Trainer.EpochResult> epochs = List.of(
                    new Trainer.EpochResult(1, 0.45, 0.31, 0.9123, 12.5, 0.01, new int[10][10]),
                    new Trainer.EpochResult(2, 0.25, 0.21, 0.9456, 11.75, 0.005, new int[10][10]));
            CsvTable t = TrainingMetrics.epochs(epochs);
            String[] lines = t.toCsv().split("\r\n");
            assertEquals("epoch,train_loss,test_loss,test_accuracy,learning_rate,seconds", lines[0]);
            assertEquals("2,0.25,0.21,0.9456,0.005,11.75", lines[2]);
            assertEquals(3, lines.length);
        } finally {
            Locale.setDefault(before);
        }
    }
}
