package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.backproplab.nn.Examples;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;

/**
 * A run on its thread, watched by polling and told when to poll, on a made-up data set in which each digit lights
 * its own stripe.
 */
class TrainingRunTest {

    private static final TrainingConfig TINY = TrainingConfig.defaults(new int[] {784, 8, 10}).withOptimizer(OptimizerKind.ADAM, 0.01)
            .withBatchSize(20).withEpochs(2);

    @Test
    void aFinishedRunHandsOverEveryEpochThePointsAndTheFinalWeights() throws InterruptedException {
        TrainingRun run = TrainingRun.start(TINY, stripes(400, false), stripes(100, false), 10_000);
        assertTrue(run.join(20_000));
        List<Trainer.EpochResult> epochs = new ArrayList<>();
        List<LossCurve.Point> points = new ArrayList<>();
        TrainingRun.Update u = run.poll();
        epochs.addAll(u.epochs());
        points.addAll(u.points());
        assertEquals(TrainingRun.State.FINISHED, u.state());
        assertEquals(2, epochs.size());
        assertEquals(40, points.size(), "2 epochs of 20 batches, one point each");
        assertTrue(epochs.get(1).testAccuracy() > 0.9, "stripes are easy: " + epochs.get(1).testAccuracy());
        assertNotNull(u.weights());
        assertEquals(20, u.latest().batch());
        assertNull(u.stopped(), "finished, not stopped");
        assertTrue(u.smoothed() < 2.3, "smoothed loss " + u.smoothed());
        TrainingRun.Update again = run.poll();
        assertTrue(again.epochs().isEmpty() && again.points().isEmpty() && again.weights() == null, "drained");
        assertEquals(TrainingRun.State.FINISHED, again.state());
    }

    @Test
    void pauseHoldsTheRunResumeGoesOnAndStopEndsItWithAnEvaluation() throws Exception {
        TrainingRun run = TrainingRun.start(TINY.withEpochs(1000), stripes(400, false), stripes(100, false), 50);
        waitUntil(run, u -> u.latest() != null && u.latest().epoch() >= 2);
        run.pause();
        assertEquals(TrainingRun.State.PAUSED, run.state());
        Thread.sleep(100); // at most one batch after pausing
        Trainer.BatchProgress held = run.poll().latest();
        Thread.sleep(200);
        assertEquals(held, run.poll().latest(), "nothing moves while paused");
        run.resume();
        assertEquals(TrainingRun.State.RUNNING, run.state());
        waitUntil(run, u -> u.latest() != held);
        run.stop();
        assertTrue(run.join(5_000), "stop acts within a batch");
        TrainingRun.Update u = run.poll();
        assertEquals(TrainingRun.State.STOPPED, u.state());
        assertNotNull(u.stopped(), "a stopped run is evaluated where it stopped");
        assertEquals(100, Arrays.stream(u.stopped().evaluation().confusion()).flatMapToInt(Arrays::stream).sum());
        assertTrue(u.stopped().epoch() >= 1, "stopped at epoch " + u.stopped().epoch());
        assertFalse(run.poll().stopped() != null, "handed over once");
    }

    @Test
    void stoppingWhilePausedEndsTheRun() throws Exception {
        TrainingRun run = TrainingRun.start(TINY.withEpochs(1000), stripes(400, false), stripes(100, false), 50);
        waitUntil(run, u -> u.latest() != null);
        run.pause();
        run.stop();
        assertTrue(run.join(5_000));
        assertEquals(TrainingRun.State.STOPPED, run.state());
        run.resume(); // too late: nothing happens
        assertEquals(TrainingRun.State.STOPPED, run.state());
    }

    @Test
    void aFailingRunSaysWhy() throws InterruptedException {
        TrainingRun run = TrainingRun.start(TINY, stripes(400, true), stripes(100, false), 50);
        assertTrue(run.join(5_000));
        TrainingRun.Update u = run.poll();
        assertEquals(TrainingRun.State.FAILED, u.state());
        assertEquals("image 42 is unreadable", u.error());
        assertTrue(run.isDone());
    }

    @Test
    void newsComesAtEachEpochsEndAndAtTheEndWhenTheTimeIsNotUp() throws InterruptedException {
        List<TrainingRun.Update> told = new ArrayList<>();
        AtomicReference<TrainingRun> holder = new AtomicReference<>();
        // The watcher polls as soon as it is told (here on the training thread itself), so every news counts.
        TrainingRun run = TrainingRun.start(TINY, stripes(400, false), stripes(100, false), 10_000, 3_600_000,
                () -> told.add(started(holder).poll()));
        holder.set(run);
        assertTrue(run.join(20_000));
        assertEquals(3, told.size(), "two epochs' ends and the end, no batch: an hour had not passed");
        assertEquals(1, told.get(0).epochs().get(0).epoch());
        assertEquals(2, told.get(1).epochs().get(0).epoch());
        assertEquals(TrainingRun.State.FINISHED, told.get(2).state());
    }

    @Test
    void newsComesAfterEveryBatchWhenDueButNeverTwiceBeforeAPoll() throws InterruptedException {
        List<TrainingRun.Update> told = new ArrayList<>();
        AtomicReference<TrainingRun> holder = new AtomicReference<>();
        TrainingRun polled = TrainingRun.start(TINY, stripes(400, false), stripes(100, false), 10_000, 0,
                () -> told.add(started(holder).poll()));
        holder.set(polled);
        assertTrue(polled.join(20_000));
        assertEquals(2 * 20 + 2 + 1, told.size(), "each of 40 batches, each epoch's end, the end");

        AtomicInteger calls = new AtomicInteger();
        TrainingRun unpolled = TrainingRun.start(TINY, stripes(400, false), stripes(100, false), 10_000, 0,
                calls::incrementAndGet);
        assertTrue(unpolled.join(20_000));
        assertEquals(1, calls.get(), "news waits for its poll");
        unpolled.poll();
        assertEquals(1, calls.get());
    }

    @Test
    void pausingIsNewsAtOnceAndTheBatchInFlightTellsAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // One image a batch: an epoch is 60,000 batches, far longer than this test, so no epoch's end is told.
        TrainingRun run = TrainingRun.start(TINY.withBatchSize(1).withEpochs(1), stripes(60_000, false),
                stripes(100, false), 10_000, 3_600_000, calls::incrementAndGet);
        try {
            waitUntil(run, u -> u.latest() != null); // polled: the next news may come
            int before = calls.get();
            run.pause();
            assertEquals(before + 1, calls.get(), "the pause is news");
            run.poll();
            Thread.sleep(200); // the batch in flight ends
            Trainer.BatchProgress held = run.poll().latest();
            int told = calls.get();
            Thread.sleep(100);
            assertEquals(held, run.poll().latest(), "paused");
            assertEquals(told, calls.get(), "and quiet");
            assertTrue(told <= before + 2, "at most the batch in flight told again: " + (told - before));
        } finally {
            run.stop();
            assertTrue(run.join(5_000));
        }
    }

    private static void waitUntil(TrainingRun run, Predicate<TrainingRun.Update> condition) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.test(run.poll())) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("timed out; the run is " + run.state());
    }

    /** Digit d lights pixel rows 2d+4 and 2d+5; failing=true throws at image 42. */
    static Examples stripes(int count, boolean failing) {
        return new Examples("stripes", count, 784, 10, (order, from, n, x, y) -> {
            Arrays.fill(x, 0, n * 784, 0f);
            Arrays.fill(y, 0, n * 10, 0f);
            for (int k = 0; k < n; k++) {
                int i = order == null ? from + k : order[from + k];
                if (failing && i == 42) {
                    throw new IllegalStateException("image 42 is unreadable");
                }
                int d = i % 10;
                for (int c = 0; c < 28; c++) {
                    x[k * 784 + (2 * d + 4) * 28 + c] = 1;
                    x[k * 784 + (2 * d + 5) * 28 + c] = 0.5f + 0.5f * ((i * 7 + c) % 3) / 2;
                }
                y[k * 10 + d] = 1;
            }
        });
    }

    /**
     * The run, once {@code start} has returned it: the training thread may bring news before the test has stored
     * the run it is polling.
     */
    private static TrainingRun started(AtomicReference<TrainingRun> holder) {
        TrainingRun run;
        while ((run = holder.get()) == null) {
            Thread.onSpinWait();
        }
        return run;
    }
}
