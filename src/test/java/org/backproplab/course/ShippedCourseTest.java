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

    /**
     * Each choice exercise's right option, worked out by the app where the app can: the engine's gradients, the
     * landscape lab's paths, the Keras model's parameter count. A new choice exercise needs its line here.
     */
    @Test
    void everyChoiceExercisesAnswerIsWhatTheAppComputes() throws Exception {
        java.util.Map<String, Integer> computed = new java.util.HashMap<>();
        // 3.2: forward mode takes one pass per input; lesson 12 has two inputs (x and y) with a gradient
        org.backproplab.lesson.Lesson twelve = org.backproplab.lesson.Lesson.compile(
                org.backproplab.stepper.ShippedLessons.source("12_forward_mode"), "12_forward_mode.bp");
        long inputs = twelve.nodes().stream().filter(n -> n.isLeaf()).count();
        computed.put("3.2", (int) inputs); // option 2 reads "Two: one per input"
        // 5.2: cross-entropy's gradient on the confidently wrong weight is the stronger one
        double ce = Math.abs(EngineAnswers.compute(new Exercise.EngineValue("10_mse_vs_cross_entropy", "w_ce", true, 0,
                org.backproplab.nn.OptimizerKind.SGD, 0.1)));
        double mse = Math.abs(EngineAnswers.compute(new Exercise.EngineValue("10_mse_vs_cross_entropy", "w_mse", true,
                0, org.backproplab.nn.OptimizerKind.SGD, 0.1)));
        computed.put("5.2", ce > mse ? 2 : mse > ce ? 1 : 3);
        // 9.1: Dense(10, input 784) -> Dense(10): options 7,850 / 7,960 / 8,000
        long parameters = new org.backproplab.nn.Model(org.backproplab.nn.TrainingConfig.kerasClassic(),
                org.backproplab.nn.TrainingConfig.kerasClassic().buildNetwork()).parameterCount();
        computed.put("9.1", List.of(7850L, 7960L, 8000L).indexOf(parameters) + 1);
        // 11.1: from (2, 1) on the double well, the method whose end is in the left (deeper) well
        org.backproplab.labs.Landscape well = org.backproplab.labs.Landscape.of(
                org.backproplab.labs.Surface.DOUBLE_WELL);
        double rate = org.backproplab.labs.Surface.DOUBLE_WELL.learningRate(); // the setup's: the preset's
        double gd = well.run(org.backproplab.nn.OptimizerKind.SGD, rate, 2, 1, 2000).last().x();
        double momentum = well.run(org.backproplab.nn.OptimizerKind.MOMENTUM, rate, 2, 1, 2000).last().x();
        computed.put("11.1", gd < 0 && momentum >= 0 ? 1 : momentum < 0 && gd >= 0 ? 2 : 3);
        // 12.1: updates in one epoch of 60,000 images at batch size 32: options 32 / 1,875 / 60,000
        computed.put("12.1", List.of(32, 1875, 60000).indexOf((60_000 + 31) / 32) + 1);
        // 13.1: Newton's method on the ravine (a quadratic) reaches the minimum in one step
        org.backproplab.labs.Landscape ravine = org.backproplab.labs.Landscape.of(org.backproplab.labs.Surface.RAVINE);
        var newton = ravine.run(org.backproplab.labs.Landscape.Method.NEWTON,
                org.backproplab.labs.Landscape.Settings.of(1), -9, 1.5, 1).last();
        computed.put("13.1", Math.hypot(newton.x(), newton.y()) < 1e-6 ? 1 : 2);

        for (Course.Page p : COURSE.pages()) {
            for (Course.Block b : p.blocks()) {
                if (b instanceof Course.Block.Question q && q.exercise() instanceof Exercise.ChoiceExercise c) {
                    assertTrue(computed.containsKey(q.key()), "exercise " + q.key() + ": say here how the app "
                            + "computes its answer");
                    assertEquals(computed.get(q.key()), c.answer(), "exercise " + q.key());
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
