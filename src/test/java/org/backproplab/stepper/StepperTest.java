package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonTraining;
import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Activation;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Clipping;

/** The state machine on the shipped lessons: the notes' numbers, step by step, back and forth. */
class StepperTest {

    static Lesson lesson(String name) throws LessonException {
        return Lesson.compile(ShippedLessons.source(name), name + ".bp");
    }

    static Stepper stepper(String name) throws LessonException {
        return new Stepper(lesson(name), OptimizerKind.SGD, 0.1);
    }

    private static int node(Stepper s, String name) {
        return s.graph().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().index();
    }

    @Test
    void theCircuitOfTheCs231nNotesStepByStep() throws LessonException {
        Stepper s = stepper("01_circuit");
        Frame f = s.frame();
        assertEquals(Phase.FORWARD, f.phase());
        assertEquals(0, f.position());
        assertEquals(2, f.count());
        assertNull(f.value(node(s, "q")), "q is not computed before its step");
        assertEquals(-2, f.value(node(s, "x")).item());
        assertEquals("explain.ready", f.explanation().noteKey());

        f = s.step();
        assertEquals(List.of("q = x + y = -2 + 5 = 3"), f.explanation().lines());
        assertEquals(1, f.position());
        assertEquals(node(s, "q"), f.activeNode());
        assertEquals(2, f.activeEdges().size());
        assertNull(f.value(node(s, "f")));

        assertEquals(0, f.losses(), "the loss is not shown before the output is computed");
        f = s.step();
        assertEquals(List.of("f = q · z = 3 · (-4) = -12"), f.explanation().lines());
        assertEquals(2, f.position());
        assertEquals(1, f.losses());
        assertEquals(-12, s.losses().get(1));

        f = s.step();
        assertEquals(Phase.BACKWARD, f.phase());
        assertEquals(1, f.position());
        assertEquals(5, f.count());
        assertEquals(List.of("∂f/∂f = 1"), f.explanation().lines());
        assertNull(f.gradient(node(s, "q")));

        f = s.step();
        assertEquals("∂f/∂q += ∂f/∂f · ∂f/∂q = 1 × (-4) = -4", f.explanation().lines().get(0));
        assertEquals("∂f/∂q = z = -4", f.explanation().lines().get(1));
        assertEquals(-4, f.gradient(node(s, "q")).item());
        f = s.step();
        assertEquals("∂f/∂z += ∂f/∂f · ∂f/∂z = 1 × 3 = 3", f.explanation().lines().get(0));
        f = s.step();
        assertEquals("∂f/∂x += ∂f/∂q · ∂q/∂x = (-4) × 1 = -4", f.explanation().lines().get(0));
        assertEquals("∂q/∂x = 1", f.explanation().lines().get(1));
        f = s.step();
        assertEquals("∂f/∂y += ∂f/∂q · ∂q/∂y = (-4) × 1 = -4", f.explanation().lines().get(0));
        assertEquals(5, f.position());
        assertEquals(-4, f.gradient(node(s, "y")).item());
        assertEquals(3, f.gradient(node(s, "z")).item());

        // No param: no update phase; the next step starts iteration 2.
        f = s.step();
        assertEquals(2, f.iteration());
        assertEquals(Phase.FORWARD, f.phase());
        assertEquals(1, f.position());
        assertNull(f.gradient(node(s, "q")), "a new iteration has no gradients yet");
    }

    @Test
    void stepBackRestoresTheEarlierDisplayAcrossPhasesAndIterations() throws LessonException {
        Stepper s = stepper("02_sigmoid_neuron");
        List<Frame> seen = new ArrayList<>();
        seen.add(s.frame());
        int total = 2 * (s.graph().forwardSteps() + s.graph().backwardSteps() + s.graph().parameters().size()) + 3;
        for (int i = 0; i < total; i++) {
            seen.add(s.step());
        }
        assertEquals(3, seen.get(seen.size() - 1).iteration());
        for (int i = seen.size() - 2; i >= 0; i--) {
            Frame back = s.stepBack();
            assertTrue(back.showsSameAs(seen.get(i)), "step back to " + i + " shows " + back.explanation());
        }
        assertFalse(s.canStepBack());
        // Forward again replays what was recorded, not a new pass.
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(s.step().showsSameAs(seen.get(i)), "replay " + i);
        }
    }

    @Test
    void theSigmoidNeuronUpdatesEachParamBySgd() throws LessonException {
        Stepper s = stepper("02_sigmoid_neuron");
        Frame f = s.finishPhase();
        assertEquals(Phase.FORWARD, f.phase());
        assertEquals(f.count(), f.position());
        assertEquals("f = sigmoid(dot) = sigmoid(1) = 0.7311", f.explanation().lines().get(0));
        f = s.finishPhase();
        assertEquals(Phase.BACKWARD, f.phase());
        assertEquals(-0.1966, f.gradient(node(s, "w0")).item(), 1e-4);
        f = s.step();
        assertEquals(Phase.UPDATE, f.phase());
        assertEquals(1, f.position());
        assertEquals(3, f.count());
        assertEquals("w0 ← w0 − η·∂f/∂w0 = 2 − 0.1 × (-0.1966) = 2.02", f.explanation().lines().get(0));
        assertEquals("explain.update.sgd.output", f.explanation().noteKey(), "no loss: downhill on the output f");
        assertEquals(List.of("w0", "0.1", "f"), f.explanation().noteArgs());
        assertEquals(2.019661193, f.value(node(s, "w0")).item(), 1e-9);
        assertEquals(-3, f.value(node(s, "w1")).item(), "w1 is updated only at its own step");
    }

    @Test
    void gradientsThatMeetAreAddedAndTheStepSaysSo() throws LessonException {
        Stepper s = new Stepper(Lesson.compile("param a = 3\nb = a * 2\nc = a + b", "fan.bp"), OptimizerKind.SGD, 0.1);
        s.finishPhase();
        Frame f = s.finishPhase();
        List<String> accumulated = new ArrayList<>();
        // Walk the backward phase again from its start to find the step that adds to ∂c/∂a.
        while (f.phase() == Phase.BACKWARD && f.position() > 1) {
            if (f.explanation().noteKey().equals("explain.backward.accumulated")) {
                accumulated.addAll(f.explanation().lines());
            }
            f = s.stepBack();
        }
        assertEquals("∂c/∂a = 1 + 2 = 3", accumulated.get(accumulated.size() - 1), accumulated.toString());
    }

    @Test
    void optimizerAndLearningRateApplyFromTheNextUpdate() throws LessonException {
        Stepper s = stepper("02_sigmoid_neuron");
        s.finishPhase();
        s.finishPhase();
        s.setOptimizer(OptimizerKind.ADAM);
        s.setLearningRate(0.01);
        Frame f = s.step();
        assertEquals("explain.update.rule.output", f.explanation().noteKey());
        assertTrue(f.explanation().lines().get(0).startsWith("m ← β₁·m"), f.explanation().lines().toString());
        assertTrue(f.explanation().lines().contains("w0: 2 → 2.01"), f.explanation().lines().toString());
        assertThrows(IllegalArgumentException.class, () -> s.setLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("lbfgs"));
    }

    @Test
    void runTrainsLikeLessonTrainingAndRecordsEveryLoss() throws LessonException {
        Stepper s = new Stepper(lesson("03_two_layer_network"), OptimizerKind.SGD, 0.5);
        int done = s.run(5, (d, n, loss) -> { }, () -> false);
        assertEquals(5, done);
        assertEquals(5, s.losses().count());
        assertEquals(0.298371109, s.losses().get(1), 1e-9);
        assertEquals(0.291027774, s.losses().get(2), 1e-9);
        Lesson reference = lesson("03_two_layer_network");
        var result = LessonTraining.run(reference, new LessonTraining.Settings(5, OptimizerKind.SGD, 0.5,
                Clipping.NONE));
        for (int i = 0; i < 5; i++) {
            assertEquals(result.outputs().get(i).item(), s.losses().get(i + 1), 0, "loss " + (i + 1));
        }
        Frame f = s.frame();
        assertEquals(6, f.iteration());
        assertEquals(0, f.position());
        assertFalse(f.canStepBack(), "a fast run keeps no steps to go back to");
    }

    @Test
    void runFinishesTheIterationInProgressAndCanBeCancelled() throws LessonException {
        Stepper s = new Stepper(lesson("03_two_layer_network"), OptimizerKind.SGD, 0.5);
        s.step();
        int[] calls = {0};
        int done = s.run(1000, (d, n, loss) -> calls[0]++, () -> calls[0] >= 3);
        assertEquals(3, done);
        assertEquals(3, s.losses().count(), "the started iteration's loss is counted once");
        assertEquals(4, s.frame().iteration());
    }

    @Test
    void matrixStepsWriteTheProductAndTheSumOverABroadcast() throws LessonException {
        Stepper s = new Stepper(lesson("03_two_layer_network"), OptimizerKind.SGD, 0.5);
        s.finishPhase();
        assertEquals("out = sigmoid(add₂) = sigmoid([[1.106, 1.225]]) = [[0.7514, 0.7729]]",
                s.stepBack().explanation().lines().get(0));
        s.step();
        List<String> lines = new ArrayList<>();
        Frame f = s.finishPhase();
        while (f.position() > 1) {
            lines.add(f.explanation().lines().get(0));
            f = s.stepBack();
        }
        assertTrue(lines.contains("∂E/∂b1 += Σ ∂E/∂add₁ ⊙ ∂add₁/∂b1 = Σ [[0.008771, 0.009954]] ⊙ [[1, 1]] = 0.01873"),
                lines.toString());
        assertTrue(lines.contains("∂E/∂W1 += xᵀ · ∂E/∂matmul₁ = [[0.05], [0.1]] · [[0.008771, 0.009954]] = "
                + "[[0.0004386, 0.0004977], [0.0008771, 0.0009954]]"), lines.toString());
    }

    @Test
    void runAfterACompleteIterationStartsTheNextOne() throws LessonException {
        Stepper s = new Stepper(lesson("03_two_layer_network"), OptimizerKind.SGD, 0.5);
        Frame f = s.finishPhase();
        f = s.finishPhase();
        f = s.finishPhase();
        assertEquals(Phase.UPDATE, f.phase());
        assertEquals(f.count(), f.position());
        assertEquals(2, s.run(2, (d, n, loss) -> { }, () -> false));
        assertEquals(3, s.losses().count(), "iteration 1 stepped, 2 and 3 run");
        assertEquals(4, s.frame().iteration());
        assertEquals(0.291027774, s.losses().get(2), 1e-9);
    }

    @Test
    void resetGoesBackToTheLessonAsLoaded() throws LessonException {
        Stepper s = new Stepper(lesson("02_sigmoid_neuron"), OptimizerKind.MOMENTUM, 0.5);
        s.run(10, (d, n, loss) -> { }, () -> false);
        Frame f = s.reset();
        assertEquals(1, f.iteration());
        assertEquals(0, s.losses().count());
        assertEquals(2, f.value(node(s, "w0")).item());
        assertEquals(0.7311, s.finishPhase().value(s.graph().output()).item(), 1e-4);
    }

    /** A 2-2-1 tanh network on one example, as the playground's Explain writes it. */
    private static Stepper networkStepper() throws LessonException {
        List<NetworkLesson.Layer> layers = List.of(
                new NetworkLesson.Layer(new double[][] {{0.5, -0.3}, {0.8, 0.1}}, new double[] {0.1, -0.2}),
                new NetworkLesson.Layer(new double[][] {{1.2}, {-0.7}}, new double[] {0.05}));
        String text = NetworkLesson.write("explain", layers, Activation.of(Activation.Kind.TANH),
                new double[] {1.5, -2}, new NetworkLesson.Target.Binary(1));
        return new Stepper(Lesson.compile(text, "explain.bp"), OptimizerKind.SGD, 0.1);
    }

    @Test
    void stepToGradientOfStopsAtTheChainRuleStepOfThatParam() throws LessonException {
        Stepper s = networkStepper();
        Frame f = s.stepToGradientOf("W2");
        assertEquals(Phase.BACKWARD, f.phase());
        assertEquals(1, f.iteration());
        assertTrue(f.explanation().lines().get(0).startsWith("∂L/∂W2 += "), f.explanation().lines().toString());
        assertNotNull(f.gradient(node(s, "W2")), "W2 has its gradient now");
        assertNull(f.gradient(node(s, "W1")), "W1, nearer the input, gets its gradient later");
        int w2Step = f.position();

        f = s.stepToGradientOf("W1");
        assertEquals(Phase.BACKWARD, f.phase());
        assertTrue(f.position() > w2Step);
        assertTrue(f.explanation().lines().get(0).startsWith("∂L/∂W1 += "), f.explanation().lines().toString());

        f = s.stepToGradientOf("b2");
        assertEquals(2, f.iteration(), "b2's step of iteration 1 is behind: the next iteration's");
        assertTrue(f.explanation().lines().get(0).startsWith("∂L/∂b2 += "), f.explanation().lines().toString());
    }

    @Test
    void stepToGradientOfAnUnknownNameThrowsAndStaysPut() throws LessonException {
        Stepper s = networkStepper();
        Frame before = s.step();
        assertThrows(IllegalArgumentException.class, () -> s.stepToGradientOf("W9"));
        assertTrue(before.showsSameAs(s.frame()));
        // The constant input gets a gradient too (a leaf still does), so it has a step.
        assertEquals(Phase.BACKWARD, s.stepToGradientOf("x").phase());
    }
}
