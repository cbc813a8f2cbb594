package org.backproplab.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.backproplab.engine.BatchNorm;
import org.backproplab.engine.Binary;
import org.backproplab.engine.CrossEntropy;
import org.backproplab.engine.Mse;
import org.backproplab.engine.Reduce;
import org.backproplab.engine.Softmax;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Transpose;
import org.backproplab.engine.Unary;

/** The functions a lesson can call, each with how many arguments it takes and the engine op it builds. */
final class Functions {

    /** The default slope of {@code leaky_relu(x)}. */
    static final double LEAKY_SLOPE = 0.01;

    /** Builds the node from the tensor arguments and the constant ones (only leaky_relu's slope so far). */
    interface Builder {
        Tensor build(List<Tensor> tensors, List<Double> constants);
    }

    /**
     * One function: its name, how it is written (for messages), how many arguments it takes, and from which
     * argument on they must be constant numbers rather than tensors.
     */
    record Function(String name, String signature, int minArgs, int maxArgs, int firstConstant, Builder builder) {

        String arity() {
            String n = minArgs == maxArgs ? Integer.toString(minArgs) : minArgs + " or " + maxArgs;
            return n + (maxArgs == 1 ? " argument" : " arguments");
        }
    }

    private static final Map<String, Function> TABLE = new LinkedHashMap<>();

    static {
        unary("relu", Unary.Kind.RELU::on);
        add(new Function("leaky_relu", "leaky_relu(x) or leaky_relu(x, slope)", 1, 2, 1,
                (t, c) -> Unary.Kind.LEAKY_RELU.on(t.get(0), c.isEmpty() ? LEAKY_SLOPE : c.get(0))));
        add(new Function("max", "max(a, b)", 2, 2, 2, (t, c) -> Binary.Kind.MAX.on(t.get(0), t.get(1))));
        unary("sigmoid", Unary.Kind.SIGMOID::on);
        unary("tanh", Unary.Kind.TANH::on);
        unary("exp", Unary.Kind.EXP::on);
        unary("log", Unary.Kind.LOG::on);
        unary("abs", Unary.Kind.ABS::on);
        unary("sin", Unary.Kind.SIN::on);
        unary("cos", Unary.Kind.COS::on);
        unary("sqrt", Unary.Kind.SQRT::on);
        unary("sum", Reduce.Kind.SUM::on);
        unary("mean", Reduce.Kind.MEAN::on);
        unary("softmax", Softmax::of);
        unary("transpose", Transpose::of);
        add(new Function("mse", "mse(prediction, target)", 2, 2, 2, (t, c) -> Mse.of(t.get(0), t.get(1))));
        add(new Function("cross_entropy", "cross_entropy(logits, targets)", 2, 2, 2,
                (t, c) -> CrossEntropy.of(t.get(0), t.get(1))));
        add(new Function("batchnorm", "batchnorm(x, gamma, beta)", 3, 3, 3,
                (t, c) -> BatchNorm.training(t.get(0), t.get(1), t.get(2))));
    }

    private Functions() {
    }

    private static void unary(String name, UnaryOperator<Tensor> op) {
        add(new Function(name, name + "(x)", 1, 1, 1, (t, c) -> op.apply(t.get(0))));
    }

    private static void add(Function f) {
        TABLE.put(f.name(), f);
    }

    /** The function of that name, or null. */
    static Function get(String name) {
        return TABLE.get(name);
    }

    /** Every function name, in the order of the language description. */
    static List<String> names() {
        return List.copyOf(TABLE.keySet());
    }
}
