package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backproplab.nn.Trainer;
import org.junit.jupiter.api.Test;

/** The loss chart is fed at most once a second while a run trains, and at once when an epoch ends, a run pauses or ends. */
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
    void anEpochAPauseAndTheEndShowEveryPointAtOnce() {
        figures.clear(600);
        figures.take(update(TrainingRun.State.RUNNING, 1, List.of()));
        figures.take(update(TrainingRun.State.RUNNING, 10, List.of(new Trainer.EpochResult(1, 0.5, 0.4, 0.9, 1, 0.001,
                new int[10][10]))));
        assertEquals(2, figures.lossPoints().size(), "an epoch ended");
        assertEquals(1, figures.accuracyPoints().size());
        figures.take(update(TrainingRun.State.RUNNING, 1, List.of()));
        figures.take(update(TrainingRun.State.PAUSED, 2, List.of()));
        assertEquals(4, figures.lossPoints().size(), "paused");
        figures.take(update(TrainingRun.State.RUNNING, 3, List.of()));
        figures.take(update(TrainingRun.State.FINISHED, 4, List.of()));
        assertEquals(6, figures.lossPoints().size(), "finished");
        figures.take(update(TrainingRun.State.RUNNING, 5, List.of()));
        figures.clear(600);
        figures.take(update(TrainingRun.State.FINISHED, 1, List.of()));
        assertEquals(1, figures.lossPoints().size(), "held points of a cleared run are forgotten");
    }
}
