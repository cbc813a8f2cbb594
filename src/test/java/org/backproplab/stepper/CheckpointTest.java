package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;

/**
 * A stepper put back from its checkpoint on a freshly compiled lesson shows the same frame, bit for bit, and goes
 * on from there as the original does: in every shipped lesson, with every optimizer, at every kind of step.
 */
class CheckpointTest {

    private static Stepper restored(Stepper s) throws LessonException {
        Session session = Session.of(s.lesson().fileName(), s, -1);
        return session.restore();
    }

    /** Same place, same numbers, same text; then the same for the next {@code more} steps. */
    static void assertSameFrom(Stepper original, Stepper copy, int more) {
        for (int k = 0; k <= more; k++) {
            Frame a = original.frame();
            Frame b = copy.frame();
            assertTrue(a.showsSameAs(b), "step " + k + " on: " + a.explanation().lines() + " vs "
                    + b.explanation().lines());
            assertEquals(a.explanation(), b.explanation());
            assertEquals(a.losses(), b.losses());
            assertEquals(a.count(), b.count());
            assertArrayEquals(original.losses().first(a.losses()), copy.losses().first(b.losses()));
            for (int n = 0; n < original.graph().size(); n++) {
                assertEquals(original.localDerivatives(n), copy.localDerivatives(n));
            }
            original.step();
            copy.step();
        }
    }

    @Test
    void everyShippedLessonEveryOptimizerAtManySteps() throws LessonException {
        for (String name : ShippedLessons.NAMES) {
            Lesson lesson = StepperTest.lesson(name);
            int perIteration = new Stepper(lesson, OptimizerKind.SGD, 0.1).graph().forwardSteps() + 3;
            for (OptimizerKind optimizer : Stepper.OPTIMIZERS) {
                for (int steps : List.of(0, 1, perIteration, 3 * perIteration + 2)) {
                    Stepper s = new Stepper(StepperTest.lesson(name), optimizer, 0.05);
                    for (int k = 0; k < steps; k++) {
                        s.step();
                    }
                    assertSameFrom(s, restored(s), 2 * perIteration);
                }
            }
        }
    }

    @Test
    void midBackwardAfterSeveralIterationsWithAdam() throws LessonException {
        Stepper s = new Stepper(StepperTest.lesson("03_two_layer_network"), OptimizerKind.ADAM, 0.5);
        s.run(7, (d, t, l) -> { }, () -> false);
        s.finishPhase(); // forward of iteration 8
        s.step();
        s.step();
        s.step(); // two steps into backward
        assertEquals(Phase.BACKWARD, s.frame().phase());
        assertEquals(8, s.frame().iteration());
        Checkpoint c = s.checkpoint();
        assertEquals(7, c.losses().length);
        assertEquals(7, c.optimizerState().steps());
        assertSameFrom(s, restored(s), 40);
    }

    @Test
    void inTheUpdatePhaseTheOptimizerIsTheOneThatMadeIt() throws LessonException {
        Stepper s = new Stepper(StepperTest.lesson("02_sigmoid_neuron"), OptimizerKind.MOMENTUM, 0.1);
        s.run(3, (d, t, l) -> { }, () -> false);
        Frame f = s.finishPhase();
        while (f.phase() != Phase.UPDATE) {
            f = s.step();
        }
        // Changed after the update was made: the frame still shows the update as it was made.
        s.setLearningRate(0.7);
        Stepper copy = restored(s);
        assertSameFrom(s, copy, 0);
        assertEquals(0.7, copy.learningRate());
        assertEquals(OptimizerKind.MOMENTUM, copy.optimizer());
    }

    @Test
    void settingsChangedAfterARecordedUpdateApplyFromTheNextOneAfterRestoringToo() throws LessonException {
        // Iteration 2's update is recorded with momentum at 0.1; then the user steps back into its backward pass
        // and picks Adam at 0.3. Stepping on replays the recorded update; Adam makes iteration 3's. The restored
        // stepper must do the same, not make iteration 2's update with Adam.
        Stepper s = new Stepper(StepperTest.lesson("03_two_layer_network"), OptimizerKind.MOMENTUM, 0.1);
        int perIteration = s.graph().forwardSteps() + s.graph().backwardSteps() + s.graph().parameters().size();
        for (int k = 0; k < 2 * perIteration; k++) {
            s.step();
        }
        assertEquals(2, s.frame().iteration());
        assertEquals(Phase.UPDATE, s.frame().phase());
        for (int k = 0; k < s.graph().parameters().size() + 3; k++) {
            s.stepBack();
        }
        assertEquals(Phase.BACKWARD, s.frame().phase());
        s.setOptimizer(OptimizerKind.ADAM);
        s.setLearningRate(0.3);
        Stepper copy = restored(s);
        assertEquals(OptimizerKind.ADAM, copy.optimizer());
        assertEquals(0.3, copy.learningRate());
        assertSameFrom(s, copy, 3 * perIteration);
    }

    @Test
    void steppedBackIntoAnEarlierIteration() throws LessonException {
        Stepper s = new Stepper(StepperTest.lesson("01_circuit"), OptimizerKind.RMSPROP, 0.01);
        for (int k = 0; k < 30; k++) {
            s.step();
        }
        for (int k = 0; k < 12; k++) {
            s.stepBack();
        }
        assertSameFrom(s, restored(s), 25);
    }

    @Test
    void aCheckpointThatDoesNotFitItsLessonIsRefused() throws LessonException {
        Stepper s = StepperTest.stepper("01_circuit");
        s.step();
        Checkpoint c = s.checkpoint();
        Lesson other = StepperTest.lesson("02_sigmoid_neuron");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stepper.restore(other, c, OptimizerKind.SGD, 0.1));
        assertTrue(e.getMessage().contains("params"), e.getMessage());
        Checkpoint tooFar = new Checkpoint(1, 500, c.parameters(), OptimizerKind.SGD, 0.1, c.optimizerState(), new double[0]);
        e = assertThrows(IllegalArgumentException.class,
                () -> Stepper.restore(StepperTest.lesson("01_circuit"), tooFar, OptimizerKind.SGD, 0.1));
        assertTrue(e.getMessage().startsWith("iteration 1 has "), e.getMessage());
    }
}
