package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The charts and the confusion matrix are fed at most once a second while a run trains (an epoch's end included), and
 * at once when a run pauses, stops or ends.
 */
class RunFiguresTest {

    private long now;
    private final RunFigures figures = new RunFigures(() -> now);

    private static TrainingRun.Update update(TrainingRun.State state, int batch, List<Trainer.EpochResult> epochs) {
        Trainer.BatchProgress p = new Trainer.BatchProgress(1, 2, batch, 10, 0.5, 1000, 1);
        return new TrainingRun.Update(state, p, 0.5, List.of(new LossCurve.Point(batch / 10.0, 0.5, 0.5)), epochs,
                null, null, null);
    }

    private void after(long millis) {
        now += millis * 1_000_000L;
    }

    @Test
    void pointsWaitForTheNextSecondButTheFiguresDoNot() {
        figures.clear(600);
        after(100);
        figures.take(update(TrainingRun.State.RUNNING, 1, List.of()));
        after(100);
        figures.take(update(TrainingRun.State.RUNNING, 2, List.of()));
        assertEquals(0, figures.lossPoints().size(), "held");
        assertEquals(2, figures.progressProperty().get().batch(), "the batch figures are live");
        after(RunFigures.CHART_MILLIS);
        figures.take(update(TrainingRun.State.RUNNING, 3, List.of()));
        assertEquals(3, figures.lossPoints().size(), "a second on: all three, in order");
        assertEquals(0.3, figures.lossPoints().get(2).epoch(), 1e-12);
        after(100);
        figures.take(update(TrainingRun.State.RUNNING, 4, List.of()));
        assertEquals(3, figures.lossPoints().size());
    }

    @Test
    void anEpochsFiguresWaitLikeThePointsButAPauseAndTheEndShowEverythingAtOnce() {
        figures.clear(600);
        figures.take(update(TrainingRun.State.RUNNING, 1, List.of()));
        figures.take(update(TrainingRun.State.RUNNING, 10, List.of(epoch(1, 0.9))));
        assertEquals(0, figures.lossPoints().size(), "held: short epochs would redraw the charts five times a second");
        assertEquals(0, figures.accuracyPoints().size());
        assertNull(figures.confusionProperty().get());
        assertTrue(Double.isNaN(figures.testAccuracyProperty().get()));
        assertEquals(1, figures.epochTable().rowCount(), "exported at once");
        after(RunFigures.CHART_MILLIS);
        figures.take(update(TrainingRun.State.RUNNING, 1, List.of()));
        assertEquals(3, figures.lossPoints().size(), "a second on: the points");
        assertEquals(List.of(new MnistTabModel.AccuracyPoint(1, 0.9, false)), figures.accuracyPoints(), "and the epoch");
        assertEquals(0.9, figures.testAccuracyProperty().get());
        assertNotNull(figures.confusionProperty().get());
        figures.take(update(TrainingRun.State.RUNNING, 2, List.of()));
        figures.take(update(TrainingRun.State.PAUSED, 3, List.of()));
        assertEquals(5, figures.lossPoints().size(), "paused");
        figures.take(update(TrainingRun.State.RUNNING, 4, List.of(epoch(2, 0.95))));
        figures.take(update(TrainingRun.State.FINISHED, 5, List.of()));
        assertEquals(7, figures.lossPoints().size(), "finished");
        assertEquals(2, figures.accuracyPoints().size());
        assertEquals(0.95, figures.testAccuracyProperty().get());
        figures.take(update(TrainingRun.State.RUNNING, 5, List.of()));
        figures.clear(600);
        figures.take(update(TrainingRun.State.FINISHED, 1, List.of()));
        assertEquals(1, figures.lossPoints().size(), "held points of a cleared run are forgotten");
    }

    @Test
    void aStoppedRunsEvaluationIsShownAtOnceEvenBeforeItsStateSaysStopped() {
        figures.clear(600);
        figures.take(update(TrainingRun.State.RUNNING, 1, List.of()));
        int[][] confusion = new int[10][10];
        confusion[3][3] = 7;
        Evaluation tested = new Evaluation(0.4, 0.7, confusion);
        // poll() reads the state before the evaluation: a run that stops in between hands both over as running.
        figures.take(new TrainingRun.Update(TrainingRun.State.RUNNING, null, 0.5, List.of(), List.of(),
                new TrainingRun.StoppedEvaluation(0.1, tested), null, null));
        assertEquals(List.of(new MnistTabModel.AccuracyPoint(0.1, 0.7, true)), figures.accuracyPoints());
        assertEquals(7, figures.confusionProperty().get().count(3, 3));
        assertEquals(1, figures.lossPoints().size(), "with the points so far");
    }

    private static Trainer.EpochResult epoch(int epoch, double accuracy) {
        return new Trainer.EpochResult(epoch, 0.5, 0.4, accuracy, 1, 0.001, new int[10][10]);
    }
}
