package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.backproplab.engine.DType;
import org.backproplab.engine.Graph;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layer and loss against central differences in float64: all parameters and the input. */
class LayerGradientCheckTest {

    static Stream<Arguments> layers() {
        Random rng = new Random(11);
        return Stream.of(
                Arguments.of("linear", (Function<Tensor, Tensor>) new Linear(4, 3, Initializer.Scheme.XAVIER_UNIFORM, rng, DType.F64, "")::forward),
                Arguments.of("sigmoid layer", (Function<Tensor, Tensor>) Activation.of(Activation.Kind.SIGMOID)::forward),
                Arguments.of("tanh layer", (Function<Tensor, Tensor>) Activation.of(Activation.Kind.TANH)::forward),
                Arguments.of("relu layer", (Function<Tensor, Tensor>) Activation.of(Activation.Kind.RELU)::forward),
                Arguments.of("leaky relu layer", (Function<Tensor, Tensor>) Activation.of(Activation.Kind.LEAKY_RELU)::forward),
                Arguments.of("batchnorm layer", (Function<Tensor, Tensor>) new BatchNormLayer(4, DType.F64, "")::forward),
                Arguments.of("mlp with batchnorm", (Function<Tensor, Tensor>) Mlp.sizes(4, 5, 5, 3).dtype(DType.F64)
                        .activation(Activation.Kind.TANH).batchNorm(true).seed(2).build()::forward),
                Arguments.of("mse loss", (Function<Tensor, Tensor>) x -> Loss.mse(x, target(x, rng))),
                Arguments.of("cross-entropy loss", (Function<Tensor, Tensor>) x -> Loss.crossEntropy(x, oneHot(x, rng))),
                Arguments.of("binary cross-entropy loss", (Function<Tensor, Tensor>) x -> Loss.binaryCrossEntropy(x, bits(x, rng))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void layerGradientsMatchCentralDifferences(String name, Function<Tensor, Tensor> layer) {
        Random rng = new Random(5);
        double[][] xs = new double[6][4];
        for (double[] row : xs) {
            for (int c = 0; c < row.length; c++) {
                double v = rng.nextGaussian();
                row[c] = v >= 0 ? v + 0.1 : v - 0.1; // off the kinks
            }
        }
        Tensor x = Tensor.of(xs).named("x");
        Tensor out = layer.apply(x);
        double[][] ws = new double[out.rows()][out.cols()];
        for (double[] row : ws) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        Tensor loss = org.backproplab.engine.Reduce.Kind.SUM.on(
                org.backproplab.engine.Binary.Kind.MUL.on(out, Tensor.of(ws).noGrad()));
        for (GradientCheck.Result r : GradientCheck.checkAll(Graph.of(loss))) {
            assertTrue(r.passes(1e-6), () -> name + ": " + r.wrt().label() + " relative error " + r.maxRelativeError());
        }
    }

    private static Tensor target(Tensor x, Random rng) {
        double[][] t = new double[x.rows()][x.cols()];
        for (double[] row : t) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        return Tensor.of(t).noGrad();
    }

    private static Tensor oneHot(Tensor x, Random rng) {
        double[][] t = new double[x.rows()][x.cols()];
        for (double[] row : t) {
            row[rng.nextInt(row.length)] = 1;
        }
        return Tensor.of(t).noGrad();
    }

    private static Tensor bits(Tensor x, Random rng) {
        double[][] t = new double[x.rows()][x.cols()];
        for (double[] row : t) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextBoolean() ? 1 : 0;
            }
        }
        return Tensor.of(t).noGrad();
    }
}
