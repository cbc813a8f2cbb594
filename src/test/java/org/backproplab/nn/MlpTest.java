package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backproplab.engine.DType;
import org.backproplab.engine.Graph;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;

class MlpTest {

    private static final double[][] XOR_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_TARGETS = {{1, 0}, {0, 1}, {0, 1}, {1, 0}};

    @Test
    void layersFollowTheSizeList() {
        Sequential net = Mlp.sizes(784, 128, 64, 10).batchNorm(true).build();
        // Linear, BN, act, Linear, BN, act, Linear
        assertEquals(7, net.modules().size());
        List<Tensor> ps = net.parameters();
        assertEquals(10, ps.size(), "3 × (W, b) + 2 × (γ, β)");
        assertEquals("[784x128]", ps.get(0).shape());
        assertEquals("W1", ps.get(0).name());
        assertEquals(784 * 128 + 128 + 2 * 128 + 128 * 64 + 64 + 2 * 64 + 64 * 10 + 10,
                ps.stream().mapToInt(Tensor::size).sum());
        assertEquals(DType.F32, ps.get(0).dtype());
    }

    @Test
    void badSizeListsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.parse("784,x,10"));
        assertEquals("layer sizes are whole numbers separated by commas, like 784,128,10; got '784,x,10'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mlp.parse("10"));
    }

    @Test
    void sameSeedSameNumbers() {
        double[] first = trainXor(Activation.Kind.TANH, 42, 50, DType.F64).losses;
        double[] second = trainXor(Activation.Kind.TANH, 42, 50, DType.F64).losses;
        assertArrayEquals(first, second);
    }

    @Test
    void learnsXorToFullAccuracyFromAFixedSeed() {
        Result r = trainXor(Activation.Kind.TANH, 1, 500, DType.F64);
        assertEquals(4, r.correct, "all four XOR cases");
        assertEquals(true, r.losses[r.losses.length - 1] < 0.05, "final loss " + r.losses[r.losses.length - 1]);
    }

    @Test
    void learnsXorInFloat32WithRelu() {
        Result r = trainXor(Activation.Kind.RELU, 3, 500, DType.F32);
        assertEquals(4, r.correct);
    }

    private record Result(double[] losses, int correct) {
    }

    /** 2-8-2 on the four XOR points, full batch, Adam 0.05, softmax cross-entropy. */
    private static Result trainXor(Activation.Kind act, long seed, int steps, DType dtype) {
        Sequential net = Mlp.sizes(2, 8, 2).activation(act).dtype(dtype).seed(seed).build();
        Tensor x = Tensor.of(dtype, XOR_INPUTS).noGrad();
        Tensor y = Tensor.of(dtype, XOR_TARGETS).noGrad();
        Tensor logits = net.forward(x);
        Graph graph = Graph.of(Loss.crossEntropy(logits, y));
        TrainingStep step = new TrainingStep(new Optimizer.Adam(net.parameters(), 0.05), Clipping.NONE);
        TrainingStep.Objective objective = TrainingStep.Objective.of(graph);
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            losses[s] = step.run(objective).loss();
        }
        graph.forward();
        int correct = 0;
        for (int r = 0; r < 4; r++) {
            int predicted = logits.get(r, 1) > logits.get(r, 0) ? 1 : 0;
            correct += predicted == (XOR_TARGETS[r][1] == 1 ? 1 : 0) ? 1 : 0;
        }
        return new Result(losses, correct);
    }
}
