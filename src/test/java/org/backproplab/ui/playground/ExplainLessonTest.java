package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.labs.Playground;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.Phase;
import org.backproplab.stepper.Stepper;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;

/** Explain: the network on its worst training point as a lesson, which the stepper walks to the weight's step. */
class ExplainLessonTest {

    @Test
    void theLessonIsTheNetworkOnItsWorstPointAndStepsToTheWeight() throws LessonException {
        PlaygroundSettings s = PlaygroundSettings.defaults().withFeature(Playground.Feature.X1_SQUARED, true);
        PlaygroundData data = PlaygroundData.generate(s.shape(), s.noise(), s.trainShare(), s.seed());
        Playground p = data.playground(s.config());
        for (int i = 0; i < 5; i++) {
            p.epoch();
        }
        ExplainLesson e = ExplainLesson.of(p, data, ParamRef.weight(1, 2, 1), 5);
        assertEquals("W2", e.parameter());
        assertTrue(e.text().startsWith("# Playground, epoch 5: training point " + (e.sample() + 1) + " "), e.text());
        assertTrue(e.text().contains("W2[3,2] is row 3, column 2 of W2."), e.text());

        double[] out = p.predict(data.train().xy());
        for (int i = 0; i < out.length; i++) {
            assertTrue(Math.abs(out[i] - data.train().labels()[i]) <= Math.abs(out[e.sample()]
                    - data.train().labels()[e.sample()]), "point " + i + " is worse than the one chosen");
        }

        Lesson lesson = Lesson.compile(e.text(), e.name());
        lesson.forward();
        double[] xy = data.train().xy()[e.sample()];
        assertEquals(out[e.sample()], 1 / (1 + Math.exp(-lesson.tensor("out").orElseThrow().item())), 1e-12,
                "the lesson computes what the network does on that point");
        assertEquals(xy[0] * xy[0], lesson.tensor("x").orElseThrow().get(0, 2), "x holds the features");
        assertEquals(p.layers().get(1).weight().get(2, 1), lesson.tensor("W2").orElseThrow().get(2, 1));

        Stepper stepper = new Stepper(Lesson.compile(e.text(), e.name()), OptimizerKind.SGD, 0.03);
        Frame f = stepper.stepToGradientOf(e.parameter());
        assertEquals(Phase.BACKWARD, f.phase());
        assertTrue(f.explanation().lines().get(0).startsWith("∂L/∂W2 += "), f.explanation().lines().toString());
    }

    @Test
    void regressionExplainsWithSquaredError() throws LessonException {
        PlaygroundSettings s = PlaygroundSettings.defaults().withProblem(Playground.Problem.REGRESSION);
        PlaygroundData data = PlaygroundData.generate(s.shape(), s.noise(), s.trainShare(), s.seed());
        Playground p = data.playground(s.config());
        ExplainLesson e = ExplainLesson.of(p, data, ParamRef.bias(0, 3), 0);
        assertEquals("b1", e.parameter());
        assertTrue(e.text().contains("loss L = mse(out, y)"), e.text());
        Lesson.compile(e.text(), e.name());
    }
}
