package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Clipping;

/** The training loop of eval --steps: the order of its parts, worked on tiny lessons. */
class LessonTrainingTest {

    @Test
    void zeroStepsIsOneForwardAndBackward() throws LessonException {
        Lesson l = Lesson.compile("param w = 3\nloss L = w * w", "t.bp");
        LessonTraining.Result r = LessonTraining.run(l, LessonTraining.Settings.none());
        assertTrue(r.outputs().isEmpty());
        assertEquals(9, l.output().item());
        assertEquals(6, l.tensor("w").orElseThrow().gradItem());
    }

    @Test
    void sgdStepsThenReportsTheFinalParamsPassAndGradientsDoNotPileUp() throws LessonException {
        // L = w², dL/dw = 2w, w ← w − 0.25·2w = w/2: 3 → 1.5 → 0.75; then L = 0.5625 and dL/dw = 1.5.
        Lesson l = Lesson.compile("param w = 3\nconst c = 1\nloss L = w * w * c", "t.bp");
        LessonTraining.Result r = LessonTraining.run(l,
                new LessonTraining.Settings(2, OptimizerKind.SGD, 0.25, Clipping.NONE));
        Tensor w = l.tensor("w").orElseThrow();
        assertEquals(0.75, w.item());
        assertEquals(1.5, w.gradItem());
        assertEquals(0.5625, l.output().item());
        assertEquals(0.5625, l.tensor("c").orElseThrow().gradItem());
        assertEquals(9, r.outputs().get(0).item());
        assertEquals(2.25, r.outputs().get(1).item());
    }

    @Test
    void clippingScalesTheGradientBeforeTheUpdate() throws LessonException {
        // dL/dw = 2·3 = 6 > 1, so the step uses 1: w = 3 − 0.5·1 = 2.5.
        Lesson l = Lesson.compile("param w = 3\nloss L = w ^ 2", "t.bp");
        LessonTraining.Result r = LessonTraining.run(l,
                new LessonTraining.Settings(1, OptimizerKind.SGD, 0.5, new Clipping.ByNorm(1)));
        assertEquals(2.5, l.tensor("w").orElseThrow().item(), 1e-15);
        assertEquals(6, r.clipping().get(0).normBefore());
        assertEquals(1, r.clipping().get(0).normAfter(), 1e-15);
        assertEquals(1, r.clippedSteps());
    }

    @Test
    void aLongRunKeepsABoundedEvenlySpacedHistoryAndCountsEveryStep() throws LessonException {
        // Issue 13, row 2: a Snapshot per step grew without bound (eval --steps 1000000000 ran out of memory).
        int steps = 5 * LessonTraining.KEPT + 3;
        Lesson l = Lesson.compile("param w = 3\nloss L = w ^ 2", "t.bp");
        long[] told = new long[1];
        LessonTraining.Result r = LessonTraining.run(l, new LessonTraining.Settings(steps, OptimizerKind.SGD, 0.001,
                new Clipping.ByNorm(1e-9)), done -> told[0] = done);
        assertEquals(steps, told[0], "progress hears of every step");
        assertTrue(r.outputs().size() <= LessonTraining.KEPT, "kept " + r.outputs().size());
        assertEquals(8, r.every(), "spacing doubles each time the history fills: 1, 2, 4, 8");
        assertEquals((steps - 1) / 8 + 1, r.outputs().size(), "steps 0, 8, 16, … up to the last multiple of 8");
        assertEquals(r.outputs().size(), r.clipping().size());
        assertEquals(9, r.outputs().get(0).item(), "the first step's output is always kept");
        assertEquals(steps, r.clippedSteps(), "every step was clipped, counted though not all kept");
        assertEquals(6, r.clipping().get(0).normBefore(), 1e-12);
        // the 8th step's loss is w⁴ after 8 steps of w ← w − 0.001·1e-9·sign: still 9 to 1e-6
        assertEquals(9, r.outputs().get(1).item(), 1e-6);
        assertTrue(r.lastClipping().normBefore() > 5.99, "the last step's norm, not a kept one's");
    }

    @Test
    void aShortRunKeepsEveryStep() throws LessonException {
        Lesson l = Lesson.compile("param w = 3\nloss L = w ^ 2", "t.bp");
        LessonTraining.Result r = LessonTraining.run(l, new LessonTraining.Settings(LessonTraining.KEPT,
                OptimizerKind.SGD, 0.001, Clipping.NONE));
        assertEquals(LessonTraining.KEPT, r.outputs().size());
        assertEquals(1, r.every());
    }

    /** Lesson 08's chain: w = 3 used ten times, L = (h10 − 1)², which plain SGD at 0.1 blows up. */
    private static final String CHAIN = "const x = 1\nparam w = 3\nh1 = w * x\nh2 = w * h1\nh3 = w * h2\nh4 = w * h3"
            + "\nh5 = w * h4\nh6 = w * h5\nh7 = w * h6\nh8 = w * h7\nh9 = w * h8\nh10 = w * h9\nloss L = (h10 - 1)^2";

    private static LessonTraining.Result chain(int steps) throws LessonException {
        return LessonTraining.run(Lesson.compile(CHAIN, "chain.bp"),
                new LessonTraining.Settings(steps, OptimizerKind.SGD, 0.1, Clipping.NONE));
    }

    @Test
    void theExplodingChainFirstOverflowsToInfinityAtStep3AndToNaNAtStep4() throws LessonException {
        // Step 1 throws w to -2.3e9, step 2 to 1.8e178; step 3's forward pass squares that: h2 = Infinity.
        assertEquals(null, chain(1).firstNonFinite(), "after one step (two passes) every number is finite");
        assertEquals(new NonFinite(NonFinite.AFTER_TRAINING, NonFinite.Phase.FORWARD, "node h2",
                Double.POSITIVE_INFINITY, 1, 1, false), chain(2).firstNonFinite(), "the pass after step 2: the 3rd");
        NonFinite first = new NonFinite(3, NonFinite.Phase.FORWARD, "node h2", Double.POSITIVE_INFINITY, 1, 1, false);
        assertEquals(first, chain(3).firstNonFinite());
        assertEquals(first, chain(5).firstNonFinite(), "later NaNs do not replace the first");
        assertEquals("node h2 = Infinity in the forward pass", first.what());
        // NaN first comes from step 4's update: w = -Infinity - 0.1 * -Infinity.
        Lesson three = Lesson.compile(CHAIN, "chain.bp");
        LessonTraining.run(three, new LessonTraining.Settings(3, OptimizerKind.SGD, 0.1, Clipping.NONE));
        assertEquals(Double.NEGATIVE_INFINITY, three.tensor("w").orElseThrow().item());
        assertTrue(three.nodes().stream().noneMatch(t -> Double.isNaN(t.item())), "no NaN yet after 3 steps");
        Lesson four = Lesson.compile(CHAIN, "chain.bp");
        LessonTraining.run(four, new LessonTraining.Settings(4, OptimizerKind.SGD, 0.1, Clipping.NONE));
        assertTrue(Double.isNaN(four.tensor("w").orElseThrow().item()), "NaN after 4");
    }

    @Test
    void anUpdateThatOverflowsIsNamedAsTheUpdate() throws LessonException {
        // Forward and backward are finite (L = 1e308, dL/dw = 1e308); w ← 1 − 10·1e308 is -Infinity.
        Lesson l = Lesson.compile("param w = 1\nloss L = 1e308 * w", "t.bp");
        NonFinite first = LessonTraining.run(l, new LessonTraining.Settings(2, OptimizerKind.SGD, 10, Clipping.NONE))
                .firstNonFinite();
        assertEquals(new NonFinite(1, NonFinite.Phase.UPDATE, "param w", Double.NEGATIVE_INFINITY, 1, 1, false), first);
        assertEquals("the update made param w = -Infinity", first.what());
    }

    @Test
    void everyOptimizerRuns() throws LessonException {
        for (String id : new String[] {"sgd", "momentum", "nesterov", "rmsprop", "adam"}) {
            Lesson l = Lesson.compile("param w = [1, -2]\nloss L = sum(w * w)", "t.bp");
            LessonTraining.run(l, new LessonTraining.Settings(50, OptimizerKind.parse(id), 0.05, Clipping.NONE));
            assertTrue(l.output().item() < 5, id + " should have lowered the loss from 5, got " + l.output().item());
        }
        assertThrows(IllegalArgumentException.class, () -> new LessonTraining.Settings(-1, OptimizerKind.SGD, 0.1,
                Clipping.NONE));
    }
}
