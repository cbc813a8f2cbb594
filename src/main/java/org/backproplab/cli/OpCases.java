package org.backproplab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backproplab.engine.BatchNorm;
import org.backproplab.engine.Binary;
import org.backproplab.engine.CrossEntropy;
import org.backproplab.engine.Graph;
import org.backproplab.engine.MatMul;
import org.backproplab.engine.Mse;
import org.backproplab.engine.Reduce;
import org.backproplab.engine.Softmax;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Transpose;
import org.backproplab.engine.Unary;

/**
 * One small float64 graph per op of the engine, for {@code gradcheck}: random leaves of random shapes, the op,
 * and the loss L = sum(W ⊙ op(…)) with a fixed random W, so that every element of the op's output gets a
 * different upstream gradient (a plain sum would give ones, and hide a mistake in, say, softmax's backward).
 *
 * <p>Inputs are drawn where the op is smooth: |x| ≥ 0.2 for relu, leaky_relu and abs (the kink at 0 is
 * outside every ±h nudge), positive for log and sqrt, divisors away from 0, and the two inputs of max at least 0.2
 * apart (where they meet the gate switches input). Every random choice comes
 * from the one seeded generator, so a seed names a run.
 */
final class OpCases {

    /** One op's graph: its name, the expression built (with shapes), and the graph ending in L. */
    record Case(String op, String expression, Graph graph) {

        /** The leaves whose gradient is checked: every leaf but W. */
        List<Tensor> checkedLeaves() {
            return graph.leaves().stream().filter(Tensor::requiresGrad).toList();
        }
    }

    /**
     * The op names, in the order gradcheck reports them; an op added later goes last, so that the ops before it keep
     * the random draws (and the figures) of a given seed.
     */
    static final List<String> OPS = List.of("add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sqrt", "abs",
            "tanh", "sigmoid", "relu", "leaky_relu", "matmul", "transpose", "sum", "mean", "softmax", "log_softmax",
            "cross_entropy", "mse", "batchnorm", "max", "sin", "cos");

    static final double POW_EXPONENT = 3;
    static final double LEAKY_SLOPE = 0.1;

    private final Random random;

    OpCases(Random random) {
        this.random = random;
    }

    /** Builds the graph of the named op; the shapes are drawn now, from the generator. */
    Case build(String op) {
        int r = dim();
        int c = dim();
        return switch (op) {
            case "add" -> binary(Binary.Kind.ADD, r, c, false);
            case "sub" -> binary(Binary.Kind.SUB, r, c, false);
            case "mul" -> binary(Binary.Kind.MUL, r, c, false);
            case "div" -> binary(Binary.Kind.DIV, r, c, true);
            case "max" -> apart(binary(Binary.Kind.MAX, r, c, false));
            case "neg" -> unary(op, "", x -> Unary.Kind.NEG.on(x), any(r, c));
            case "pow" -> unary(op, ", " + (int) POW_EXPONENT, x -> Unary.Kind.POW.on(x, POW_EXPONENT),
                    awayFromZero(r, c));
            case "exp" -> unary(op, "", x -> Unary.Kind.EXP.on(x), any(r, c));
            case "log" -> unary(op, "", x -> Unary.Kind.LOG.on(x), positive(r, c));
            case "sin" -> unary(op, "", x -> Unary.Kind.SIN.on(x), any(r, c));
            case "cos" -> unary(op, "", x -> Unary.Kind.COS.on(x), any(r, c));
            case "sqrt" -> unary(op, "", x -> Unary.Kind.SQRT.on(x), positive(r, c));
            case "abs" -> unary(op, "", x -> Unary.Kind.ABS.on(x), awayFromZero(r, c));
            case "tanh" -> unary(op, "", x -> Unary.Kind.TANH.on(x), any(r, c));
            case "sigmoid" -> unary(op, "", x -> Unary.Kind.SIGMOID.on(x), wide(r, c));
            case "relu" -> unary(op, "", x -> Unary.Kind.RELU.on(x), awayFromZero(r, c));
            case "leaky_relu" -> unary(op, ", " + LEAKY_SLOPE, x -> Unary.Kind.LEAKY_RELU.on(x, LEAKY_SLOPE),
                    awayFromZero(r, c));
            case "matmul" -> {
                Tensor a = any(r, c).named("a");
                Tensor b = any(c, dim()).named("b");
                yield weighted(op, "", MatMul.of(a, b), a, b);
            }
            case "transpose" -> unary(op, "", Transpose::of, any(r, c));
            case "sum" -> unary(op, "", x -> Reduce.Kind.SUM.on(x), any(r, c));
            case "mean" -> unary(op, "", x -> Reduce.Kind.MEAN.on(x), any(r, c));
            case "softmax" -> unary(op, "", Softmax::of, any(r, c));
            case "log_softmax" -> unary(op, "", Softmax::log, any(r, c));
            case "cross_entropy" -> {
                Tensor logits = wide(r, c).named("logits");
                Tensor targets = oneHot(r, c).named("targets");
                yield weighted(op, "", CrossEntropy.of(logits, targets), logits, targets);
            }
            case "mse" -> {
                Tensor p = any(r, c).named("p");
                Tensor t = any(r, c).named("t");
                yield weighted(op, "", Mse.of(p, t), p, t);
            }
            case "batchnorm" -> {
                // Two rows would be a degenerate batch: each column normalises to ±1 whatever x is, so ∂L/∂x
                // is ~ε and all rounding noise. Three or more rows give a gradient worth checking.
                Tensor x = wide(r + 1, c).named("x");
                Tensor gamma = awayFromZero(1, c).named("gamma");
                Tensor beta = any(1, c).named("beta");
                yield weighted(op, "", BatchNorm.training(x, gamma, beta), x, gamma, beta);
            }
            default -> throw new IllegalArgumentException("no gradient-check case for op '" + op + "'");
        };
    }

    /** Every case, in {@link #OPS} order. */
    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String op : OPS) {
            cases.add(build(op));
        }
        return cases;
    }

    /** y = f(x); {@code parameter} is how the expression shows a constant argument (", 3"), or empty. */
    private Case unary(String op, String parameter, Function<Tensor, Tensor> f, Tensor x) {
        x.named("x");
        return weighted(op, parameter, f.apply(x), x);
    }

    /**
     * a ∘ b where b is, at random, of a's shape, a 1×C row broadcast down the rows, or a scalar, so that the
     * summed-back gradient of a broadcast input is checked too.
     */
    private Case binary(Binary.Kind kind, int r, int c, boolean divisor) {
        Tensor a = any(r, c).named("a");
        int[] shape = switch (random.nextInt(3)) {
            case 0 -> new int[] {r, c};
            case 1 -> new int[] {1, c};
            default -> new int[] {1, 1};
        };
        Tensor b = (divisor ? awayFromZero(shape[0], shape[1]) : any(shape[0], shape[1])).named("b");
        return weighted(kind.opName(), "", kind.on(a, b), a, b);
    }

    /**
     * Moves each element of max's first input at least 0.2 away from the element of the second it meets, and
     * recomputes the graph: a tie is max's kink.
     */
    private static Case apart(Case c) {
        Tensor a = c.checkedLeaves().get(0);
        Tensor b = c.checkedLeaves().get(1);
        for (int r = 0; r < a.rows(); r++) {
            for (int col = 0; col < a.cols(); col++) {
                double d = a.get(r, col) - b.get(b.rows() == 1 ? 0 : r, b.cols() == 1 ? 0 : col);
                if (Math.abs(d) < 0.2) {
                    a.set(r, col, a.get(r, col) + (d >= 0 ? 0.2 : -0.2));
                }
            }
        }
        c.graph().forward();
        return c;
    }

    /** L = sum(W ⊙ y) for a random W of y's shape that takes no gradient itself. */
    private Case weighted(String op, String parameter, Tensor y, Tensor... inputs) {
        Tensor w = fill(y.rows(), y.cols(), () -> sign() * (0.5 + random.nextDouble())).named("W").noGrad();
        Tensor loss = Reduce.Kind.SUM.on(Binary.Kind.MUL.on(w, y));
        String args = List.of(inputs).stream().map(t -> t.label() + t.shape()).collect(Collectors.joining(", "));
        return new Case(op, op + "(" + args + parameter + ") -> " + y.shape(), Graph.of(loss));
    }

    private int dim() {
        return 2 + random.nextInt(3);
    }

    private double sign() {
        return random.nextBoolean() ? 1 : -1;
    }

    /** Uniform in [−1.5, 1.5]. */
    private Tensor any(int r, int c) {
        return fill(r, c, () -> 3 * random.nextDouble() - 1.5);
    }

    /** Uniform in [−3, 3]: logits and activations that saturate a little. */
    private Tensor wide(int r, int c) {
        return fill(r, c, () -> 6 * random.nextDouble() - 3);
    }

    /** Uniform in [0.5, 2.5]. */
    private Tensor positive(int r, int c) {
        return fill(r, c, () -> 0.5 + 2 * random.nextDouble());
    }

    /** |x| uniform in [0.2, 1.5], either sign: far from a kink at 0 compared with the check's step 1e-6. */
    private Tensor awayFromZero(int r, int c) {
        return fill(r, c, () -> sign() * (0.2 + 1.3 * random.nextDouble()));
    }

    private Tensor oneHot(int r, int c) {
        double[][] rows = new double[r][c];
        for (double[] row : rows) {
            row[random.nextInt(c)] = 1;
        }
        return Tensor.of(rows);
    }

    private Tensor fill(int r, int c, DoubleSupplier values) {
        double[][] rows = new double[r][c];
        for (double[] row : rows) {
            for (int j = 0; j < c; j++) {
                row[j] = values.getAsDouble();
            }
        }
        return Tensor.of(rows);
    }
}
