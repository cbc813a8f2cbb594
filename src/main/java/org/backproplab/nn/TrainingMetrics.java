package org.backproplab.nn;

import java.util.List;

import org.backproplab.files.CsvTable;

/**
 * A training run's per-epoch figures as a table for a spreadsheet: epoch, mean training loss, test loss, test
 * accuracy (a fraction, 0 to 1), the learning rate the epoch used and its training seconds, every number in full.
 */
public final class TrainingMetrics {

    public static final List<String> EPOCH_COLUMNS = List.of("epoch", "train_loss", "test_loss", "test_accuracy",
            "learning_rate", "seconds");

    private TrainingMetrics() {
    }

    /** One row per finished epoch, in order. */
    public static CsvTable epochs(List<Trainer.EpochResult> epochs) {
        CsvTable table = new CsvTable(EPOCH_COLUMNS);
        for (Trainer.EpochResult r : epochs) {
            table.add(r.epoch(), r.trainLoss(), r.testLoss(), r.testAccuracy(), r.learningRate(), r.seconds());
        }
        return table;
    }
}
