package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.DType;
import org.backproplab.engine.Graph;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Mlp;
import org.backproplab.nn.Sequential;
import org.junit.jupiter.api.Test;

/** A network written as a lesson computes exactly what the network computes, gradients included. */
class NetworkLessonTest {

    private static void sameNumbers(Sequential net, double[] input, NetworkLesson.Target target, Tensor expectedLoss)
            throws LessonException {
        Tensor x = Tensor.row(input);
        String text = NetworkLesson.write("test", NetworkLesson.layersOf(net), (Activation) net.modules().get(1), input,
                target);
        Lesson lesson = Lesson.compile(text, "net.bp");
        lesson.forward();
        lesson.backward();
        Graph.of(expectedLoss).backward();
        assertEquals(expectedLoss.item(), lesson.output().item(), "the loss, to the bit:\n" + text);
        Tensor w1 = net.parameters().get(0);
        Tensor lessonW1 = lesson.tensor("W1").orElseThrow();
        for (int r = 0; r < w1.rows(); r++) {
            for (int c = 0; c < w1.cols(); c++) {
                assertEquals(w1.gradAt(r, c), lessonW1.gradAt(r, c), "∂L/∂W1[" + r + "][" + c + "]");
            }
        }
        assertEquals(2 * (net.modules().size() + 1) / 2, lesson.parameters().size());
    }

    @Test
    void classifierWithCrossEntropy() throws LessonException {
        Sequential net = Mlp.sizes(3, 4, 2).activation(Activation.Kind.TANH).dtype(DType.F64).seed(5).build();
        double[] input = {0.5, -1.25, 2e-7};
        Tensor logits = net.forward(Tensor.row(input).noGrad());
        Tensor loss = Loss.crossEntropy(logits, Tensor.row(0, 1).noGrad());
        sameNumbers(net, input, new NetworkLesson.Target.OneHot(1, 2), loss);
    }

    @Test
    void singleLogitWithBinaryCrossEntropy() throws LessonException {
        Sequential net = Mlp.sizes(2, 3, 3, 1).activation(Activation.Kind.LEAKY_RELU).dtype(DType.F64).seed(6).build();
        double[] input = {1.5, -0.5};
        Tensor logit = net.forward(Tensor.row(input).noGrad());
        Tensor loss = Loss.binaryCrossEntropy(logit, Tensor.scalar(1).noGrad());
        sameNumbers(net, input, new NetworkLesson.Target.Binary(1), loss);
    }

    @Test
    void batchNormCannotBeShownOnOneExample() {
        Sequential net = Mlp.sizes(2, 3, 1).batchNorm(true).dtype(DType.F64).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkLesson.layersOf(net));
        assertTrue(e.getMessage().startsWith("BatchNorm and dropout need a batch"));
    }

    @Test
    void numbersReadBackExactly() {
        for (double v : List.of(0.1, -1e-7, 1.0e21, 123456.789, -0.0, 3.0)) {
            assertEquals(v, Double.parseDouble(NetworkLesson.number(v)));
        }
    }
}
