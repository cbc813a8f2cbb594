package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;

/**
 * Output and loss are different things: the stepper names which one it follows and an update lowers
 * ({@link Minimised}), its explanations say "loss" only where there is one, and the step that hands a constant its
 * gradient says why it has one and why nothing uses it.
 */
class OutputOrLossTest {

    private static Stepper stepper(String text) throws LessonException {
        return stepper(text, OptimizerKind.SGD);
    }

    private static Stepper stepper(String text, OptimizerKind optimizer) throws LessonException {
        return new Stepper(Lesson.compile(text, "lesson.bp"), optimizer, 0.1);
    }

    /** Every note key of one whole iteration (forward, backward, update), in order. */
    private static List<String> noteKeys(Stepper s) {
        List<String> keys = new ArrayList<>();
        Frame f;
        do {
            f = s.step();
            keys.add(f.explanation().noteKey());
        } while (!(f.phase() == Phase.UPDATE && f.position() == f.count())
                && !(f.phase() == Phase.BACKWARD && f.position() == f.count() && s.graph().parameters().isEmpty()));
        return keys;
    }

    @Test
    void withoutALossTheStepperFollowsTheOutputAndAnUpdateLowersIt() throws LessonException {
        Stepper s = StepperTest.stepper("02_sigmoid_neuron");
        assertEquals(new Minimised(Minimised.What.OUTPUT, false), s.minimised());
        assertEquals("output", s.minimised().column());
        List<String> keys = noteKeys(s);
        assertTrue(keys.contains("explain.seed.output"), keys.toString());
        assertEquals(List.of("explain.update.sgd.output"), keys.subList(keys.size() - 1, keys.size()));
        assertTrue(keys.stream().noneMatch(k -> k.endsWith(".loss")), keys.toString());
        // What the words claim is what the engine does: gradient descent on the output itself lowers it.
        s.finishPhase();
        assertEquals(2, s.losses().count());
        assertTrue(s.losses().get(2) < s.losses().get(1), s.losses().get(1) + " then " + s.losses().get(2));
        assertEquals(1 / (1 + Math.exp(-1)), s.losses().get(1), 1e-15, "the output f = sigmoid(1)");
    }

    @Test
    void withALossTheWordsSayLoss() throws LessonException {
        Stepper s = StepperTest.stepper("04_softmax_cross_entropy");
        assertEquals(new Minimised(Minimised.What.LOSS, false), s.minimised());
        assertEquals("loss", s.minimised().column());
        List<String> keys = noteKeys(s);
        assertTrue(keys.contains("explain.seed.loss"), keys.toString());
        assertEquals("explain.update.sgd.loss", keys.get(keys.size() - 1));
        assertTrue(keys.stream().noneMatch(k -> k.endsWith(".output")), keys.toString());
    }

    @Test
    void aMatrixOutputIsFollowedAsTheSumOfItsElements() throws LessonException {
        Stepper s = stepper("param w = [1, 2]\ny = w * 3\n");
        assertEquals(new Minimised(Minimised.What.OUTPUT, true), s.minimised());
        assertEquals("output_sum", s.minimised().column());
        s.finishPhase();
        assertEquals("explain.seed.matrix.output", s.step().explanation().noteKey());
        assertEquals(9, s.losses().get(1), "3 + 6");
    }

    @Test
    void theStepThatGivesAConstantItsGradientSaysWhyNothingUsesIt() throws LessonException {
        Stepper s = StepperTest.stepper("04_softmax_cross_entropy");
        Frame f = s.stepToGradientOf("T");
        assertEquals("explain.backward.first.constant", f.explanation().noteKey());
        assertEquals(List.of("L", "T", "L"), f.explanation().noteArgs(), "from L to T; the loss is L");
        int t = s.graph().nodes().stream().filter(n -> n.name().equals("T")).findFirst().orElseThrow().index();
        assertEquals(0.2038, f.gradient(t).get(0, 0), 5e-5, "∂L/∂T: a constant has a gradient");
        Frame w = s.stepToGradientOf("W");
        assertEquals("explain.backward.first", w.explanation().noteKey(), "a param's gradient needs no excuse");

        // A constant that feeds two nodes: its second path adds up, and the note still says why.
        List<String> keys = noteKeys(stepper("const c = 2\nparam w = 1\nloss L = w * c + c\n"));
        assertTrue(keys.contains("explain.backward.accumulated.constant"), keys.toString());
        assertTrue(keys.contains("explain.backward.first.constant"), keys.toString());
    }

    @Test
    void everyNoteKeyTheStepperGivesIsInBothLanguages() throws LessonException {
        List<String> keys = new ArrayList<>();
        for (OptimizerKind optimizer : List.of(OptimizerKind.SGD, OptimizerKind.ADAM)) {
            for (String text : List.of(ShippedLessons.source("01_circuit"), ShippedLessons.source("02_sigmoid_neuron"),
                    ShippedLessons.source("04_softmax_cross_entropy"), "param w = [1, 2]\ny = w * 3\n",
                    "param w = [1, 2]\nloss L = w * 3\n", "const c = 2\nparam w = 1\nloss L = w * c + c\n")) {
                keys.addAll(noteKeys(stepper(text, optimizer)));
            }
        }
        for (String what : List.of("loss", "output")) {
            for (String base : List.of("explain.seed.", "explain.seed.matrix.", "explain.update.sgd.",
                    "explain.update.rule.")) {
                assertTrue(keys.contains(base + what), base + what + " is among " + keys);
            }
        }
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle messages = ResourceBundle.getBundle("org.backproplab.ui.i18n.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
            for (String key : keys) {
                assertTrue(messages.containsKey(key), key + " in " + locale);
            }
        }
    }
}
