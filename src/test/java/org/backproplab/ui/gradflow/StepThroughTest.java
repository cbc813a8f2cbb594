package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.ToyData;
import org.backproplab.lesson.Lesson;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Examples;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

class StepThroughTest {

    private static final Examples MOONS = LabData.toy(ToyData.Kind.MOONS, 1);

    @Test
    void onlySmallNetworksOnTwoInputsWithoutBatchNorm() {
        GradientFlow.Config small = config(4, 8, false);
        assertNull(StepThrough.obstacle(small, 2));
        assertEquals("gradflow.open.inputs", StepThrough.obstacle(small, 784));
        assertEquals("gradflow.open.tooBig", StepThrough.obstacle(config(5, 8, false), 2));
        assertEquals("gradflow.open.tooBig", StepThrough.obstacle(config(3, 16, false), 2));
        assertEquals("gradflow.open.batchNorm", StepThrough.obstacle(config(3, 8, true), 2));
    }

    @Test
    void theLessonIsTheTrainedNetworkOnOneExampleAndCompiles() throws Exception {
        GradientFlow flow = new GradientFlow(config(3, 8, false), MOONS);
        for (int i = 0; i < 5; i++) {
            flow.step();
        }
        String text = StepThrough.lesson(flow, MOONS, 0, "Gradient-flow lab");
        assertTrue(text.startsWith("# Gradient-flow lab\n"), text);
        double w = flow.network().parameters().get(0).value().get(0);
        assertTrue(text.contains("param W1 = [[" + w + ", ") || text.contains("param W1 = [[" + (float) w), text);
        Lesson lesson = Lesson.compile(text, "gradflow.bp");
        assertTrue(lesson.source().contains("loss L = cross_entropy(out, y)"));
        assertThrows(IllegalArgumentException.class,
                () -> StepThrough.lesson(new GradientFlow(config(3, 8, true), MOONS), MOONS, 0, "x"));
    }

    private static GradientFlow.Config config(int depth, int width, boolean bn) {
        return new GradientFlow.Config(depth, width, Activation.Kind.TANH, Initializer.Scheme.XAVIER_UNIFORM, bn, Clipping.parse("none", 0), OptimizerKind.SGD, 0.1, 16, 0);
    }
}
