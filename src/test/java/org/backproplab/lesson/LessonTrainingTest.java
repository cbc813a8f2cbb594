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
