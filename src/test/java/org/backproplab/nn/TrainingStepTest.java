package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Binary;
import org.backproplab.engine.Graph;
import org.backproplab.engine.PassEvent;
import org.backproplab.engine.PassListener;
import org.backproplab.engine.Reduce;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;
import org.junit.jupiter.api.Test;

/** The one training step: its order, what a watcher sees, and that watching changes no number. */
class TrainingStepTest {

    /** L = Σ (w·x − t)² with w a 1×2 param: small enough to know every number. */
    private record Problem(Tensor w, Graph graph) {
        static Problem make() {
            Tensor w = Tensor.row(0.5, -1.5).named("w").trainable();
            Tensor x = Tensor.row(2, 3).noGrad();
            Tensor t = Tensor.row(1, 1).noGrad();
            Tensor diff = Binary.Kind.SUB.on(Binary.Kind.MUL.on(w, x), t);
            Tensor loss = Reduce.Kind.SUM.on(Unary.Kind.POW.on(diff, 2));
            return new Problem(w, Graph.of(loss));
        }

        TrainingStep step(Clipping clipping) {
            return new TrainingStep(new Optimizer.Sgd(List.of(w), 0.1), clipping);
        }
    }

    @Test
    void aStepZeroesForwardsBackpropagatesAndUpdates() {
        Problem p = Problem.make();
        TrainingStep.Result r = p.step(Clipping.NONE).run(TrainingStep.Objective.of(p.graph()));
        // w·x − t = (0, −5.5): L = 30.25, ∂L/∂w = 2·(w·x − t)·x = (0, −33), w ← w − 0.1·g = (0.5, 1.8)
        assertEquals(30.25, r.loss());
        assertNull(r.clipping(), "no clipping, nothing measured");
        assertTrue(r.updated());
        assertArrayEquals(new double[] {0, -33}, p.w().gradSnapshot().values());
        assertArrayEquals(new double[] {0.5, 1.8}, p.w().snapshot().values(), 1e-15);
    }

    @Test
    void gradientsAreZeroedBeforeEachBackwardPass() {
        Problem p = Problem.make();
        TrainingStep step = new TrainingStep(new Optimizer.Sgd(List.of(p.w()), 1e-300), Clipping.NONE);
        TrainingStep.Objective o = TrainingStep.Objective.of(p.graph());
        step.run(o);
        step.run(o);
        assertArrayEquals(new double[] {0, -33}, p.w().gradSnapshot().values(), "not the sum of two passes");
    }

    @Test
    void aWatcherSeesThePhasesInOrderAndTheGradientBeforeClipping() {
        Problem p = Problem.make();
        List<String> seen = new ArrayList<>();
        PassListener forward = e -> seen.add("forward");
        PassListener backward = e -> seen.add(e instanceof PassEvent.GradientSeed ? "seed" : "backward");
        double[] beforeClip = new double[2];
        TrainingStep.Result r = p.step(new Clipping.ByNorm(3)).run(TrainingStep.Objective.of(p.graph()),
                new TrainingStep.Watcher() {
                    public PassListener forwardListener() { return forward; }
                    public PassListener backwardListener() { return backward; }

                    public void backpropagated(double loss) {
                        seen.add("backpropagated");
                        System.arraycopy(p.w().gradSnapshot().values(), 0, beforeClip, 0, 2);
                    }

                    public boolean shouldUpdate(double loss, GradientClipping.Report clipping) {
                        seen.add("shouldUpdate");
                        return true;
                    }

                    public ParameterUpdate.Listener updateListener() { return u -> seen.add("update " + u.parameter().name()); }
                });
        assertEquals(List.of("forward", "forward", "forward", "forward", "seed", "backward", "backward", "backward",
                "backward", "backpropagated", "shouldUpdate", "update w"), seen);
        assertArrayEquals(new double[] {0, -33}, beforeClip);
        assertEquals(33, r.clipping().normBefore(), 1e-12);
        assertEquals(3, r.clipping().normAfter(), 1e-12);
        assertArrayEquals(new double[] {0.5, -1.2}, p.w().snapshot().values(), 1e-12, "w − 0.1·(0, −3)");
    }

    @Test
    void watchingChangesNoNumber() {
        Problem watched = Problem.make();
        Problem plain = Problem.make();
        TrainingStep a = watched.step(new Clipping.ByValue(4));
        TrainingStep b = plain.step(new Clipping.ByValue(4));
        for (int i = 0; i < 5; i++) {
            TrainingStep.Result ra = a.run(TrainingStep.Objective.of(watched.graph()), new TrainingStep.Watcher() {
                public PassListener forwardListener() { return e -> { }; }
                public PassListener backwardListener() { return e -> { }; }
                public ParameterUpdate.Listener updateListener() { return u -> { }; }
            });
            TrainingStep.Result rb = b.run(TrainingStep.Objective.of(plain.graph()));
            assertEquals(rb.loss(), ra.loss());
            assertArrayEquals(plain.w().snapshot().values(), watched.w().snapshot().values());
        }
    }

    @Test
    void aWatcherCanHoldTheUpdateBack() {
        Problem p = Problem.make();
        TrainingStep.Result r = p.step(Clipping.NONE).run(TrainingStep.Objective.of(p.graph()), new TrainingStep.Watcher() {
            public boolean shouldUpdate(double loss, GradientClipping.Report clipping) { return false; }
        });
        assertFalse(r.updated());
        assertArrayEquals(new double[] {0.5, -1.5}, p.w().snapshot().values());
    }

    @Test
    void theScheduleSetsEachEpochsRate() {
        Problem p = Problem.make();
        TrainingStep step = new TrainingStep(new Optimizer.Sgd(List.of(p.w()), 0.8), Clipping.NONE,
                Schedule.parse("step:2:0.5"));
        step.startEpoch(0, 6);
        assertEquals(0.8, step.optimizer().learningRate());
        step.startEpoch(3, 6);
        assertEquals(0.4, step.optimizer().learningRate());
        step.startEpoch(5, 6);
        assertEquals(0.2, step.optimizer().learningRate());
    }

    @Test
    void theLossOfAVectorOutputIsTheSumOfItsElements() {
        assertEquals(6, TrainingStep.loss(Tensor.row(1, 2, 3)));
    }

    @Test
    void typedSettingsParseAndExplainThemselves() {
        assertEquals("clip is none, norm or value, not 'nrom'",
                assertThrows(IllegalArgumentException.class, () -> Clipping.parse("nrom", 1)).getMessage());
        assertEquals(new Clipping.ByNorm(2.5), Clipping.parse("NORM", 2.5));
        assertEquals(Clipping.NONE, Clipping.parse("none", 0));
        assertThrows(IllegalArgumentException.class, () -> Clipping.parse("value", 0));
        assertEquals("unknown optimizer 'adma'; use sgd, momentum, nesterov, rmsprop or adam",
                assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("adma")).getMessage());
        for (OptimizerKind k : OptimizerKind.values()) {
            assertEquals(k, OptimizerKind.parse(k.id()));
        }
        for (String s : List.of("none", "cosine", "step:5:0.5")) {
            assertEquals(s, Schedule.parse(s).id());
        }
        assertEquals("step:EVERY:FACTOR needs EVERY >= 1 (epochs between changes), not 0",
                assertThrows(IllegalArgumentException.class, () -> Schedule.parse("step:0:0.5")).getMessage());
        assertEquals("schedule 'step:x:0.5': EVERY must be a whole number, not 'x'",
                assertThrows(IllegalArgumentException.class, () -> Schedule.parse("step:x:0.5")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.parse("warm")).getMessage()
                .startsWith("unknown schedule 'warm'"));
    }
}
