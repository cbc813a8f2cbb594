package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.nn.Activation;
import org.backproplab.nn.BatchNormLayer;
import org.backproplab.nn.DropoutLayer;
import org.backproplab.nn.Linear;
import org.backproplab.nn.Module;
import org.backproplab.nn.Sequential;

/**
 * Writes a small trained network, with one example, as lesson text, so that the step-through view can show
 * that very network with the engine's own numbers: {@code const x = …}, {@code param W1 = …}, {@code param
 * b1 = …}, {@code z1 = x @ W1 + b1}, {@code h1 = tanh(z1)}, …, {@code loss L = …}. Numbers are written so
 * that they read back as the same doubles.
 */
public final class NetworkLesson {

    /** What the example should come out as, and so which loss the lesson ends with. */
    public sealed interface Target {
        /** Class {@code index} of {@code classes}: softmax cross-entropy against a one-hot row. */
        record OneHot(int index, int classes) implements Target {
        }

        /** A 0/1 label for a single logit: binary cross-entropy, written out from engine ops as the app computes it. */
        record Binary(double label) implements Target {
        }

        /** A value for a single output: squared error. */
        record Value(double value) implements Target {
        }
    }

    /** One dense layer's numbers: weights [inputs × outputs] and biases. */
    public record Layer(double[][] weights, double[] bias) {
    }

    private NetworkLesson() {
    }

    /** The layers and activation of an MLP made of Linear and activation layers only. */
    public static List<Layer> layersOf(Sequential network) {
        List<Layer> layers = new ArrayList<>();
        for (Module m : network.modules()) {
            if (m instanceof BatchNormLayer || m instanceof DropoutLayer) {
                throw new IllegalArgumentException("BatchNorm and dropout need a batch: one example cannot show them");
            }
            if (m instanceof Linear l) {
                double[] bias = l.bias().snapshot().values();
                layers.add(new Layer(l.weight().toArray(), bias));
            }
        }
        return layers;
    }

    /** The lesson text of the network on one example. */
    public static String write(String title, List<Layer> layers, Activation activation, double[] input, Target target) {
        if (layers.isEmpty() || layers.get(0).weights().length != input.length) {
            throw new IllegalArgumentException("the first layer must take the " + input.length + " inputs of the example");
        }
        StringBuilder s = new StringBuilder();
        s.append("# ").append(title).append('\n')
                .append("# Teaches: one example through the network, with its weights as they are now: step through the\n")
                .append("#   forward pass, then the chain rule back to every weight.\n")
                .append("# 本课内容：一个样本经过这个网络（权重取当前值）：逐步执行前向传播，再用链式法则反向求出每个权重的梯度。\n\n")
                .append("const x = ").append(row(input)).append('\n');
        String h = "x";
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            int n = i + 1;
            s.append("param W").append(n).append(" = ").append(matrix(layer.weights())).append('\n')
                    .append("param b").append(n).append(" = ").append(row(layer.bias())).append('\n');
            boolean last = i == layers.size() - 1;
            String z = last ? "out" : "z" + n;
            s.append(z).append(" = ").append(h).append(" @ W").append(n).append(" + b").append(n).append('\n');
            if (!last) {
                h = "h" + n;
                s.append(h).append(" = ").append(apply(activation, z)).append('\n');
            }
        }
        if (target instanceof Target.OneHot t) {
            double[] y = new double[t.classes()];
            y[t.index()] = 1;
            s.append("const y = ").append(row(y)).append('\n').append("loss L = cross_entropy(out, y)\n");
        } else if (target instanceof Target.Binary t) {
            s.append("const y = ").append(number(t.label())).append('\n')
                    .append("# binary cross-entropy on the logit, in the stable form the app trains with\n")
                    .append("loss L = relu(out) - out * y + log(1 + exp(-abs(out)))\n");
        } else if (target instanceof Target.Value t) {
            s.append("const y = ").append(number(t.value())).append('\n').append("loss L = mse(out, y)\n");
        }
        return s.toString();
    }

    private static String apply(Activation activation, String z) {
        return switch (activation.kind()) {
            case SIGMOID -> "sigmoid(" + z + ")";
            case TANH -> "tanh(" + z + ")";
            case RELU -> "relu(" + z + ")";
            case LEAKY_RELU -> "leaky_relu(" + z + ", " + number(activation.slope()) + ")";
        };
    }

    private static String matrix(double[][] m) {
        StringBuilder s = new StringBuilder("[");
        for (int r = 0; r < m.length; r++) {
            s.append(r == 0 ? "" : ", ").append(row(m[r]));
        }
        return s.append(']').toString();
    }

    private static String row(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(v[i]));
        }
        return s.append(']').toString();
    }

    /** The shortest text that reads back as the same double (the lesson lexer takes 1.0E-5 and -0.0). */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a lesson cannot hold " + v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)
                ? Long.toString((long) v) : Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
