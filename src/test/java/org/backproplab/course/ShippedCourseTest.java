package org.backproplab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backproplab.data.ToyData;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Examples;
import org.backproplab.ui.gradflow.LabData;
import org.junit.jupiter.api.Test;

/** The shipped course: whole in both languages, a setup and an exercise on every page, every answer the app's. */
class ShippedCourseTest {

    static final Course COURSE = ShippedCourse.load();

    @Test
    void everyPageHasItsTitleAndTextInBothLanguagesASetupAndAnExercise() {
        assertTrue(COURSE.pages().size() >= 13, "the primer has 13 chapters: " + COURSE.pages().size());
        for (Course.Page p : COURSE.pages()) {
            String where = "page at line " + p.line();
            assertTrue(p.title().has(Locale.ENGLISH) && p.title().has(Locale.SIMPLIFIED_CHINESE), where);
            List<Course.Block.Text> texts = p.blocks().stream().filter(b -> b instanceof Course.Block.Text)
                    .map(b -> (Course.Block.Text) b).toList();
            assertFalse(texts.isEmpty(), where);
            for (Course.Block.Text t : texts) {
                assertTrue(t.markdown().has(Locale.ENGLISH) && t.markdown().has(Locale.SIMPLIFIED_CHINESE), where);
            }
            assertFalse(p.setups().isEmpty(), where + " has no setup");
            assertFalse(p.exercises().isEmpty(), where + " has no exercise");
            for (Course.Block.SetupButton s : p.setups()) {
                assertTrue(s.label().has(Locale.ENGLISH) && s.label().has(Locale.SIMPLIFIED_CHINESE), where);
            }
            for (Exercise e : p.exercises()) {
                for (Localized text : List.of(e.question(), e.why())) {
                    assertTrue(text.has(Locale.ENGLISH) && text.has(Locale.SIMPLIFIED_CHINESE), where + ": " + text);
                }
                if (e instanceof Exercise.ChoiceExercise c) {
                    c.options().forEach(o -> assertTrue(o.has(Locale.SIMPLIFIED_CHINESE), where + ": " + o));
                }
            }
        }
    }

    @Test
    void everySetupKindAndExerciseKindIsUsed() {
        List<String> tabs = new ArrayList<>();
        List<Class<?>> kinds = new ArrayList<>();
        for (Course.Page p : COURSE.pages()) {
            p.setups().forEach(s -> tabs.add(s.setup().tab()));
            p.exercises().forEach(e -> kinds.add(e.getClass()));
        }
        assertTrue(tabs.containsAll(Setup.TABS), tabs.toString());
        assertTrue(kinds.containsAll(List.of(Exercise.NumberExercise.class, Exercise.ChoiceExercise.class,
                Exercise.LayerExercise.class)), kinds.toString());
    }

    /** A number exercise's answer is the engine's (within its tolerance); none is arithmetic the app cannot check. */
    @Test
    void everyNumberExercisesAnswerIsWhatTheEngineComputes() {
        for (Course.Page p : COURSE.pages()) {
            for (Exercise e : p.exercises()) {
                if (e instanceof Exercise.NumberExercise n) {
                    assertNotNull(n.engine(), "page at line " + p.line() + ": say where the engine computes it");
                    double engine = EngineAnswers.compute(n.engine());
                    assertTrue(n.isRight(engine), "page at line " + p.line() + ": stated " + n.answer()
                            + ", the engine " + engine);
                }
            }
        }
    }

    /** "Click the smallest gradient": the stated layer is where the lab's configuration A has it at step 1. */
    @Test
    void everyLayerExercisesAnswerIsWhereTheLabMeasuresTheSmallestGradient() {
        for (Course.Page p : COURSE.pages()) {
            for (Exercise e : p.exercises()) {
                if (e instanceof Exercise.LayerExercise layer) {
                    Setup.GradientFlowLab lab = p.setups().stream().map(Course.Block.SetupButton::setup)
                            .filter(s -> s instanceof Setup.GradientFlowLab).map(s -> (Setup.GradientFlowLab) s)
                            .findFirst().orElseThrow(() -> new AssertionError("a layer exercise needs the page's "
                                    + "gradient-flow setup (line " + p.line() + ")"));
                    assertEquals(layer.answer(), smallestGradientLayer(lab), "page at line " + p.line());
                }
            }
        }
    }

    /** Configuration A's first step on the setup's toy data, as the lab takes it; its smallest ‖∂L/∂W‖'s layer. */
    static int smallestGradientLayer(Setup.GradientFlowLab lab) {
        Setup.GradientFlowLab.Side a = lab.a();
        Examples data = LabData.toy(ToyData.Kind.parse(lab.dataset()), lab.seed());
        GradientFlow flow = new GradientFlow(new GradientFlow.Config(a.depth(), a.width(), a.activation(), a.init(),
                a.batchNorm(), a.clipping(), a.optimizer(), a.learningRate(), lab.batchSize(), lab.seed()), data);
        GradientFlow.StepStats s = flow.measure();
        int smallest = 1;
        for (GradientFlow.LayerStats l : s.layers()) {
            if (l.weightGradNorm() < s.layers().get(smallest - 1).weightGradNorm()) {
                smallest = l.index();
            }
        }
        return smallest;
    }
}
