package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op against central differences in float64, on random shapes from several seeds. Each op's result is
 * reduced as Σ W ⊙ op(...) with random W, so no gradient is trivially constant.
 */
class GradientCheckTest {

    private static final double TOLERANCE = 1e-6;

    /** Builds an op's node from leaves drawn from the random source; returns the node and its leaves. */
    interface Case {
        Tensor build(Random rng, List<Tensor> leaves);
    }

    static Stream<Arguments> ops() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "add", (rng, l) -> Binary.Kind.ADD.on(leaf(rng, l, 3, 4, 1), leaf(rng, l, 3, 4, 1)));
        add(cases, "add row broadcast", (rng, l) -> Binary.Kind.ADD.on(leaf(rng, l, 5, 3, 1), leaf(rng, l, 1, 3, 1)));
        add(cases, "add scalar broadcast", (rng, l) -> Binary.Kind.ADD.on(leaf(rng, l, 1, 1, 1), leaf(rng, l, 4, 2, 1)));
        add(cases, "sub", (rng, l) -> Binary.Kind.SUB.on(leaf(rng, l, 1, 3, 1), leaf(rng, l, 4, 3, 1)));
        add(cases, "mul", (rng, l) -> Binary.Kind.MUL.on(leaf(rng, l, 3, 2, 1), leaf(rng, l, 3, 2, 1)));
        add(cases, "mul broadcast", (rng, l) -> Binary.Kind.MUL.on(leaf(rng, l, 4, 3, 1), leaf(rng, l, 1, 3, 1)));
        add(cases, "div", (rng, l) -> Binary.Kind.DIV.on(leaf(rng, l, 3, 3, 1), away(leaf(rng, l, 3, 3, 1), 0.5)));
        add(cases, "div by scalar", (rng, l) -> Binary.Kind.DIV.on(leaf(rng, l, 2, 3, 1), away(leaf(rng, l, 1, 1, 1), 0.5)));
        add(cases, "max", (rng, l) -> Binary.Kind.MAX.on(leaf(rng, l, 3, 4, 1), leaf(rng, l, 3, 4, 1)));
        add(cases, "max row broadcast", (rng, l) -> Binary.Kind.MAX.on(leaf(rng, l, 4, 3, 1), leaf(rng, l, 1, 3, 1)));
        add(cases, "max with a scalar", (rng, l) -> Binary.Kind.MAX.on(leaf(rng, l, 4, 2, 1), leaf(rng, l, 1, 1, 1)));
        add(cases, "neg", (rng, l) -> Unary.Kind.NEG.on(leaf(rng, l, 2, 5, 1)));
        add(cases, "pow 2", (rng, l) -> Unary.Kind.POW.on(leaf(rng, l, 3, 3, 1), 2));
        add(cases, "pow 3", (rng, l) -> Unary.Kind.POW.on(leaf(rng, l, 3, 3, 1), 3));
        add(cases, "pow -1.5", (rng, l) -> Unary.Kind.POW.on(positive(leaf(rng, l, 3, 2, 1)), -1.5));
        add(cases, "exp", (rng, l) -> Unary.Kind.EXP.on(leaf(rng, l, 4, 3, 1)));
        add(cases, "log", (rng, l) -> Unary.Kind.LOG.on(positive(leaf(rng, l, 4, 3, 1))));
        add(cases, "sin", (rng, l) -> Unary.Kind.SIN.on(leaf(rng, l, 4, 3, 3)));
        add(cases, "cos", (rng, l) -> Unary.Kind.COS.on(leaf(rng, l, 4, 3, 3)));
        add(cases, "sqrt", (rng, l) -> Unary.Kind.SQRT.on(positive(leaf(rng, l, 2, 3, 1))));
        add(cases, "abs", (rng, l) -> Unary.Kind.ABS.on(away(leaf(rng, l, 4, 4, 1), 0.1)));
        add(cases, "tanh", (rng, l) -> Unary.Kind.TANH.on(leaf(rng, l, 4, 3, 2)));
        add(cases, "sigmoid", (rng, l) -> Unary.Kind.SIGMOID.on(leaf(rng, l, 4, 3, 3)));
        add(cases, "relu", (rng, l) -> Unary.Kind.RELU.on(away(leaf(rng, l, 5, 4, 1), 0.1)));
        add(cases, "leaky_relu", (rng, l) -> Unary.Kind.LEAKY_RELU.on(away(leaf(rng, l, 5, 4, 1), 0.1), 0.2));
        add(cases, "matmul", (rng, l) -> MatMul.of(leaf(rng, l, 3, 5, 1), leaf(rng, l, 5, 2, 1)));
        add(cases, "matmul vector", (rng, l) -> MatMul.of(leaf(rng, l, 1, 4, 1), leaf(rng, l, 4, 1, 1)));
        add(cases, "transpose", (rng, l) -> Transpose.of(leaf(rng, l, 2, 5, 1)));
        add(cases, "sum", (rng, l) -> Reduce.Kind.SUM.on(leaf(rng, l, 3, 4, 1)));
        add(cases, "mean", (rng, l) -> Reduce.Kind.MEAN.on(leaf(rng, l, 3, 4, 1)));
        add(cases, "softmax", (rng, l) -> Softmax.of(leaf(rng, l, 3, 4, 2)));
        add(cases, "log_softmax", (rng, l) -> Softmax.log(leaf(rng, l, 3, 4, 2)));
        add(cases, "cross_entropy one-hot", (rng, l) -> CrossEntropy.of(leaf(rng, l, 4, 5, 3), oneHot(rng, l, 4, 5)));
        add(cases, "cross_entropy soft targets", (rng, l) -> CrossEntropy.of(leaf(rng, l, 3, 4, 2), softmaxRows(leaf(rng, l, 3, 4, 1))));
        add(cases, "mse", (rng, l) -> Mse.of(leaf(rng, l, 3, 2, 1), leaf(rng, l, 3, 2, 1)));
        add(cases, "batchnorm training", (rng, l) -> BatchNorm.training(leaf(rng, l, 6, 3, 2), leaf(rng, l, 1, 3, 1), leaf(rng, l, 1, 3, 1)));
        add(cases, "batchnorm evaluation", (rng, l) -> {
            BatchNorm.Statistics stats = new BatchNorm.Statistics(3);
            stats.setRunning(new double[] {0.3, -0.2, 1.0}, new double[] {0.5, 2.0, 1.5});
            stats.setTraining(false);
            return BatchNorm.of(leaf(rng, l, 5, 3, 2), leaf(rng, l, 1, 3, 1), leaf(rng, l, 1, 3, 1), stats);
        });
        add(cases, "dropout, mask frozen", (rng, l) -> {
            Dropout.Settings settings = new Dropout.Settings(0.4, new Random(9));
            Tensor y = Dropout.of(leaf(rng, l, 4, 5, 1), settings);
            settings.setFrozen(true);
            return y;
        });
        add(cases, "composite: 2-layer net with shared weight", (rng, l) -> {
            Tensor x = leaf(rng, l, 4, 3, 1);
            Tensor w = leaf(rng, l, 3, 3, 0.5);
            Tensor h = Unary.Kind.TANH.on(MatMul.of(x, w));
            return CrossEntropy.of(MatMul.of(h, w), oneHot(rng, l, 4, 3));
        });
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, Case c) {
        for (long seed = 1; seed <= 3; seed++) {
            cases.add(Arguments.of(name, seed, c));
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("ops")
    void analyticGradientMatchesCentralDifferences(String name, long seed, Case c) {
        Random rng = new Random(seed);
        List<Tensor> leaves = new ArrayList<>();
        Tensor node = build(c, rng, leaves);
        Tensor weights = Tensor.of(random(rng, node.rows(), node.cols(), 1)).noGrad();
        Tensor loss = Reduce.Kind.SUM.on(Binary.Kind.MUL.on(node, weights));
        Graph graph = Graph.of(loss);
        for (Tensor leaf : leaves) {
            GradientCheck.Result r = GradientCheck.check(graph, leaf);
            assertTrue(r.passes(TOLERANCE), () -> name + ": relative error " + r.maxRelativeError() + " for "
                    + leaf.shape() + "\nanalytic " + r.analytic() + "\nnumeric  " + r.numeric());
        }
    }

    /**
     * Builds a case; where it is a max gate, moves its first input at least 0.1 away from the second wherever they
     * meet, so that no ±2h nudge crosses the tie (where the gate switches input and the derivative jumps).
     */
    static Tensor build(Case c, Random rng, List<Tensor> leaves) {
        Tensor node = c.build(rng, leaves);
        if (node.op() instanceof Binary b && b.kind() == Binary.Kind.MAX) {
            Tensor a = node.inputs().get(0);
            Tensor other = node.inputs().get(1);
            for (int r = 0; r < a.rows(); r++) {
                for (int col = 0; col < a.cols(); col++) {
                    double d = a.get(r, col) - other.value().get(Broadcast.index(other, r, col));
                    if (Math.abs(d) < 0.1) {
                        a.set(r, col, a.get(r, col) + (d >= 0 ? 0.1 : -0.1));
                    }
                }
            }
            Graph.of(node).forward();
        }
        return node;
    }

    static double[][] random(Random rng, int rows, int cols, double scale) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int c = 0; c < cols; c++) {
                row[c] = scale * rng.nextGaussian();
            }
        }
        return v;
    }

    static Tensor leaf(Random rng, List<Tensor> leaves, int rows, int cols, double scale) {
        Tensor t = Tensor.of(random(rng, rows, cols, scale));
        leaves.add(t);
        return t;
    }

    /** Moves values at least {@code gap} away from zero, off the kinks of relu and abs. */
    static Tensor away(Tensor t, double gap) {
        return map(t, v -> v >= 0 ? v + gap : v - gap);
    }

    static Tensor positive(Tensor t) {
        return map(t, v -> Math.abs(v) + 0.5);
    }

    private static Tensor map(Tensor t, Function<Double, Double> f) {
        for (int i = 0; i < t.size(); i++) {
            t.value().set(i, f.apply(t.value().get(i)));
        }
        return t;
    }

    /** Constant one-hot targets: a leaf that is not checked. */
    static Tensor oneHot(Random rng, List<Tensor> leaves, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            row[rng.nextInt(cols)] = 1;
        }
        return Tensor.of(v).noGrad();
    }

    static Tensor softmaxRows(Tensor t) {
        Tensor s = Softmax.of(t);
        return s;
    }
}
