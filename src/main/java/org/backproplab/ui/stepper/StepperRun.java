package org.backproplab.ui.stepper;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import org.backproplab.stepper.Stepper;
import org.backproplab.ui.stepper.StepperViewModel.RunCallbacks;

/**
 * A run of many iterations of the step-through view's stepper: on a worker thread, reporting on the view's thread
 * about 30 times a second whatever the speed, and stopping after the iteration under way when cancelled. While it
 * runs, {@link StepperViewModel} refuses its other commands, so the stepper is never used by two threads.
 */
final class StepperRun {

    /** The least time between two progress reports: ~30 a second. */
    private static final long REPORT_NANOS = 33_000_000L;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final AtomicBoolean cancel = new AtomicBoolean();

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    boolean isRunning() {
        return running.get();
    }

    /** From 0 to 1 while a run goes on. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Runs {@code iterations} iterations of {@code stepper} on {@code worker}; {@code callbacks} hear of it on the
     * view's thread through {@code ui}, {@code finished} once the run is no longer {@link #isRunning running}.
     */
    void start(Stepper stepper, int iterations, Consumer<Runnable> worker, Consumer<Runnable> ui,
               RunCallbacks callbacks) {
        if (iterations < 1) {
            throw new IllegalArgumentException("run at least one iteration, not " + iterations);
        }
        running.set(true);
        progress.set(0);
        cancel.set(false);
        worker.accept(() -> {
            long[] last = {0};
            int done = 0;
            try {
                done = stepper.run(iterations, (d, total, loss) -> {
                    long now = System.nanoTime();
                    if (now - last[0] > REPORT_NANOS) {
                        last[0] = now;
                        ui.accept(() -> {
                            progress.set((double) d / total);
                            callbacks.progress(d, total);
                        });
                    }
                }, cancel::get);
            } finally {
                int finished = done;
                ui.accept(() -> {
                    running.set(false);
                    progress.set(0);
                    callbacks.finished(finished);
                });
            }
        });
    }

    /** Asks the run to stop after its current iteration. */
    void cancel() {
        cancel.set(true);
    }
}
