package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.backproplab.data.ToyData;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Examples;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Initializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

/** The lab's background run on a toy dataset: measured at step 0, stepped, played, paused, and an overflow. */
class LabRunTest {

    private static final Examples SPIRAL = LabData.toy(ToyData.Kind.SPIRAL, 0);
    private LabRun run;

    @AfterEach
    void close() throws InterruptedException {
        if (run != null) {
            run.close();
            assertTrue(run.join(5000), "the thread ends when closed");
        }
    }

    @Test
    void startsMeasuredAtInitialisationAndPaused() throws Exception {
        run = LabRun.start(List.of(config(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM, 0.1)), SPIRAL);
        waitFor(() -> run.state() == LabRun.State.PAUSED);
        LabRun.Update u = run.poll();
        RunHistory.Snapshot s = u.runs().get(0);
        assertEquals(0, s.steps());
        assertEquals(4, s.latest().layers().size());
        assertEquals(1, s.loss().size());
        assertEquals(0, s.latest().layers().get(0).updateRatio(), "no update at step 0");
        Thread.sleep(100);
        assertEquals(u.version(), run.version(), "paused: nothing happens");
    }

    @Test
    void stepTakesOneStepOfBothConfigurationsOnTheSameBatches() throws Exception {
        GradientFlow.Config a = config(Activation.Kind.TANH, Initializer.Scheme.XAVIER_UNIFORM, 0.1);
        run = LabRun.start(List.of(a, a), SPIRAL);
        waitFor(() -> run.state() == LabRun.State.PAUSED);
        run.step();
        run.step();
        waitFor(() -> run.poll().runs().get(1).steps() == 2);
        List<RunHistory.Snapshot> runs = run.poll().runs();
        assertEquals(2, runs.get(0).steps());
        assertEquals(runs.get(0).latest().loss(), runs.get(1).latest().loss(), 0,
                "the same configuration from the same seed sees the same batches");
        assertEquals(LabRun.State.PAUSED, run.state());
    }

    @Test
    void playsUntilPausedAndPauseHolds() throws Exception {
        run = LabRun.start(List.of(config(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM, 0.1)), SPIRAL);
        run.play();
        waitFor(() -> run.poll().runs().get(0).steps() >= 20);
        assertEquals(LabRun.State.RUNNING, run.state());
        run.pause();
        waitFor(run::idle); // a step under way finishes, then the thread waits for a command
        int held = run.poll().runs().get(0).steps();
        Thread.sleep(200);
        assertEquals(held, run.poll().runs().get(0).steps());
        assertTrue(run.poll().stepsPerSecond() > 0);
    }

    @Test
    void aPaceHoldsTheStepsPerSecondAndFullSpeedLiftsIt() throws Exception {
        run = LabRun.start(List.of(config(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM, 0.1)), SPIRAL);
        run.setPace(Pace.TEN);
        run.play();
        waitFor(() -> run.poll().runs().get(0).steps() >= 1);
        int from = run.poll().runs().get(0).steps();
        long started = System.nanoTime();
        waitFor(() -> run.poll().runs().get(0).steps() >= from + 3);
        int paced = run.poll().runs().get(0).steps() - from;
        double seconds = (System.nanoTime() - started) / 1e9;
        // at most one step a tenth of a second, however long the wait took here (busy cores only make steps fewer)
        assertTrue(paced <= 10 * seconds + 2, paced + " steps in " + seconds + " s at 10 a second");
        run.setPace(Pace.FULL);
        int now = run.poll().runs().get(0).steps();
        waitFor(() -> run.poll().runs().get(0).steps() >= now + 50);
        run.pause();
        assertEquals(100_000_000L, Pace.TEN.minimumNanos());
        assertEquals(0, Pace.FULL.minimumNanos());
    }

    @Test
    void anOverflowStopsThatConfigurationSaysWhereAndPauses() throws Exception {
        GradientFlow.Config exploding = new GradientFlow.Config(12, 128, Activation.Kind.RELU, Initializer.Scheme.NORMAL,
                false, Clipping.parse("none", 0), OptimizerKind.SGD, 1, 64, 0);
        GradientFlow.Config healthy = config(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM, 0.1);
        run = LabRun.start(List.of(exploding, healthy), SPIRAL);
        run.play();
        waitFor(() -> run.poll().runs().get(0).overflow() != null);
        waitFor(() -> run.state() == LabRun.State.PAUSED);
        RunHistory.Snapshot bad = run.poll().runs().get(0);
        RunHistory.Overflow o = bad.overflow();
        assertTrue(o.layer() >= 1 && o.layer() <= 12, "layer " + o.layer());
        assertTrue(o.step() >= 1, "step " + o.step());
        assertNull(run.poll().runs().get(1).overflow());
        int stopped = bad.steps();
        run.play(); // the healthy one goes on, the overflowed one stays where it stopped
        int other = run.poll().runs().get(1).steps();
        waitFor(() -> run.poll().runs().get(1).steps() >= other + 5);
        assertEquals(stopped, run.poll().runs().get(0).steps());
    }

    @Test
    void inspectReadsTheLiveNetworkBetweenSteps() throws Exception {
        run = LabRun.start(List.of(config(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM, 0.1)), SPIRAL);
        run.play();
        String text = run.inspect(0, f -> StepThrough.lesson(f, SPIRAL, 0, "test")).get(5, TimeUnit.SECONDS);
        assertTrue(text.contains("param W4 = "), text);
        run.close();
        assertTrue(run.join(5000));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> run.inspect(0, f -> "x").get(1, TimeUnit.SECONDS));
        assertNotNull(e.getMessage());
    }

    private static GradientFlow.Config config(Activation.Kind kind, Initializer.Scheme init, double lr) {
        return new GradientFlow.Config(4, 8, kind, init, false, Clipping.parse("none", 0), OptimizerKind.SGD, lr, 32, 0);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 60 s in vain");
            }
            Thread.sleep(5);
        }
    }
}
