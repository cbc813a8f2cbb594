package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Model;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;

/**
 * One training run on its own (daemon) thread, watched from another: the trainer's events are collected as they
 * come and handed over, all at once, by {@link #poll()}, so the training thread never waits for the UI and the UI is
 * never flooded. When to poll is said by the run itself: it calls its {@code news} hook (only if the last news has
 * been polled) at most every {@code newsMillis} between batches, and at once when an epoch ends, the run is paused
 * or it ends. So the watcher wakes only when there is something to show; a JavaFX {@code Timeline} as its timer
 * would keep the toolkit pulsing 60 times a second for the whole run, each pulse a wake-up of the UI's threads on
 * cores the kernels want (see {@code MnistTabSpeedTest}). Pause, resume and stop act between two batches. Copies of
 * the weights are taken between batches at most every {@code snapshotMillis}, and at every epoch's end. A stopped
 * run is evaluated on the test set where it stopped, so it still shows what it learnt.
 */
public final class TrainingRun {

    /** Where a run is. */
    public enum State { RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /**
     * What happened since the last poll.
     *
     * @param latest    the last batch's progress, null before the first
     * @param smoothed  the smoothed training loss, NaN before the first batch
     * @param points    new points of the loss curve
     * @param epochs    epochs finished since the last poll
     * @param stopped   the test evaluation of a stopped run, once, else null
     * @param weights   the newest copy of the weights if there is a new one, else null
     * @param error     why a failed run failed
     */
    public record Update(State state, Trainer.BatchProgress latest, double smoothed, List<LossCurve.Point> points,
                         List<Trainer.EpochResult> epochs, StoppedEvaluation stopped, WeightsSnapshot weights,
                         String error) {
    }

    /** The test evaluation of a run stopped at {@code epoch} (fractional, e.g. 1.4). */
    public record StoppedEvaluation(double epoch, Evaluation evaluation) {
    }

    /** At most this many points of the loss curve per run. */
    static final int CURVE_POINTS = 600;

    private final Trainer.Control control = new Trainer.Control();
    private final LossCurve curve;
    private final ConcurrentLinkedQueue<Trainer.EpochResult> epochs = new ConcurrentLinkedQueue<>();
    private final AtomicReference<WeightsSnapshot> weights = new AtomicReference<>();
    private final AtomicReference<StoppedEvaluation> stopped = new AtomicReference<>();
    private final long snapshotNanos;
    private final long newsNanos;
    private final Runnable news;
    /** True from a news call until the next poll: one call is enough for any number of batches. */
    private final AtomicBoolean newsPending = new AtomicBoolean();
    private final Thread thread;
    private volatile Trainer.BatchProgress latest;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile String error;

    private TrainingRun(TrainingConfig config, Examples train, Examples test, long snapshotMillis, long newsMillis,
                        Runnable news) {
        int batches = (train.count() + config.batchSize() - 1) / config.batchSize();
        this.curve = new LossCurve(batches, config.epochs(), CURVE_POINTS);
        this.snapshotNanos = snapshotMillis * 1_000_000;
        this.newsNanos = newsMillis * 1_000_000;
        this.news = news;
        this.thread = new Thread(() -> run(config, train, test), "mnist-training");
        thread.setDaemon(true);
    }

    /** Starts training on a new thread and returns at once; the caller polls when it likes, unasked. */
    public static TrainingRun start(TrainingConfig config, Examples train, Examples test, long snapshotMillis) {
        return start(config, train, test, snapshotMillis, 0, () -> { });
    }

    /**
     * Starts training on a new thread and returns at once. {@code news} is called when there is something new to
     * poll: on the training thread at most every {@code newsMillis} between batches, at once at an epoch's end, after
     * the batch that ends in a pause and when the run is over; and by {@link #pause()}, on the thread that pauses.
     * Never again before the next {@link #poll()}. It must not block (hand the poll over to the thread that polls,
     * e.g. with {@code Platform.runLater}).
     */
    public static TrainingRun start(TrainingConfig config, Examples train, Examples test, long snapshotMillis,
                                    long newsMillis, Runnable news) {
        TrainingRun run = new TrainingRun(config, train, test, snapshotMillis, newsMillis, news);
        run.thread.start();
        return run;
    }

    public State state() {
        return state.get();
    }

    /** True once the run is over, however it ended. */
    public boolean isDone() {
        State s = state.get();
        return s == State.FINISHED || s == State.STOPPED || s == State.FAILED;
    }

    /**
     * Pauses after the current batch, and tells news at once (the batch in flight, if any, tells again when it ends):
     * the last batch may have ended before the pause, and none would follow to tell.
     */
    public void pause() {
        // Compare-and-set: a run that has just ended must not be marked paused.
        if (state.compareAndSet(State.RUNNING, State.PAUSED)) {
            control.pause();
            tell();
        }
    }

    public void resume() {
        if (state.compareAndSet(State.PAUSED, State.RUNNING)) {
            control.resume();
        }
    }

    public void stop() {
        control.stop();
    }

    /** Waits for the training thread to end; true if it has. */
    public boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Everything new since the last call; ends with the final state once the run is over and drained. */
    public Update poll() {
        newsPending.set(false); // first: whatever happens from here on calls news again
        State now = state.get(); // read first: what follows is at least as new as this state
        List<Trainer.EpochResult> finished = new ArrayList<>();
        for (Trainer.EpochResult r; (r = epochs.poll()) != null; ) {
            finished.add(r);
        }
        return new Update(now, latest, curve.smoothed(), curve.drain(), finished, stopped.getAndSet(null),
                weights.getAndSet(null), error);
    }

    private void run(TrainingConfig config, Examples train, Examples test) {
        Listener listener = new Listener();
        try {
            Trainer.Result result = new Trainer(config).train(train, test, listener, control);
            if (result.stopped()) {
                Trainer.BatchProgress p = latest;
                double at = p == null ? 0 : p.epoch() - 1 + (double) p.batch() / p.batches();
                stopped.set(new StoppedEvaluation(at, Evaluation.of(result.model(), test)));
            }
            weights.set(WeightsSnapshot.of(result.model()));
            state.set(result.stopped() ? State.STOPPED : State.FINISHED);
        } catch (InterruptedException e) {
            state.set(State.STOPPED);
        } catch (RuntimeException | OutOfMemoryError e) {
            error = e instanceof OutOfMemoryError ? "out of memory" : e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName();
            state.set(State.FAILED);
        }
        tell();
    }

    /** Calls news unless a call is still waiting for its poll. */
    private void tell() {
        if (newsPending.compareAndSet(false, true)) {
            news.run();
        }
    }

    /** Runs on the training thread, between steps: the only place the live model is read. */
    private final class Listener implements Trainer.Listener {
        private Model model;
        private long lastSnapshot;
        private long lastNews;

        @Override
        public void started(Model m) {
            model = m;
            snapshot();
            lastNews = System.nanoTime();
        }

        @Override
        public void batch(Trainer.BatchProgress p) {
            curve.add(p.epoch(), p.batch(), p.loss());
            latest = p;
            long now = System.nanoTime();
            if (now - lastSnapshot >= snapshotNanos) {
                snapshot();
            }
            // Paused: the next batch waits, so this one is the last to show until the run resumes.
            if (now - lastNews >= newsNanos || control.isPaused()) {
                lastNews = now;
                tell();
            }
        }

        @Override
        public void epoch(Trainer.EpochResult r) {
            snapshot();
            epochs.add(r);
            lastNews = System.nanoTime();
            tell();
        }

        private void snapshot() {
            weights.set(WeightsSnapshot.of(model));
            lastSnapshot = System.nanoTime();
        }
    }
}
