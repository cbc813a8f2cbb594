package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
        layers(s, layers, activation, "out", l -> matrix(l.weights()), l -> row(l.bias()));
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

    /** A lesson on a batch of MNIST images: its text, and the network's numbers beside it (float32). */
    public record Batch(String text, LessonData data) {
    }

    /**
     * The network on MNIST training images {@code first … first + count − 1} as a lesson: the images and their
     * labels named by index ({@code mnist_images}, {@code mnist_labels}), the weights and biases beside the text
     * ({@code data(rows, cols)}), float32 throughout, and the same ops the MNIST tab trains with (x @ W + b, the
     * activation, cross-entropy on the logits), so that its numbers are the tab's bit for bit.
     */
    public static Batch batch(String title, String titleZh, List<Layer> layers, Activation activation, int first,
            int count, org.backproplab.nn.TrainingConfig network) {
        if (layers.isEmpty() || layers.get(0).weights().length != org.backproplab.data.Mnist.SIDE
                * org.backproplab.data.Mnist.SIDE) {
            throw new IllegalArgumentException("the first layer must take the 784 pixels of an MNIST image");
        }
        Map<String, LessonData.Block> blocks = new LinkedHashMap<>();
        StringBuilder s = new StringBuilder();
        int last = first + count - 1;
        s.append("# Title: ").append(title).append('\n')
                .append("# Teaches: one training step of the MNIST tab's network on ").append(count)
                .append(" real training images (").append(first).append(" to ").append(last).append("): the forward\n")
                .append("#   pass of the batch, cross-entropy with the one-hot labels, the chain rule back through the matrices,\n")
                .append("#   then the update. The weights are the network's now, beside this text (data); the numbers are float32\n")
                .append("#   as the MNIST tab computes them.\n")
                .append("# 标题：").append(titleZh).append('\n')
                .append("# 本课内容：MNIST 标签页的网络在 ").append(count).append(" 张真实训练图像（第 ").append(first)
                .append(" 到 ").append(last).append(" 张）上的一个训练步：\n")
                .append("#   这批数据的前向传播、与独热标签的交叉熵、经过矩阵的链式法则反向传播，然后更新。\n")
                .append("#   权重取网络的当前值，放在正文旁边（data）；数字是 float32，与 MNIST 标签页的计算一致。\n\n")
                .append("const x = mnist_images(").append(first).append(", ").append(count).append(")\n")
                .append("const y = mnist_labels(").append(first).append(", ").append(count).append(")\n");
        for (int i = 0; i < layers.size(); i++) {
            blocks.put("W" + (i + 1), block(layers.get(i).weights()));
            blocks.put("b" + (i + 1), block(new double[][] {layers.get(i).bias()}));
        }
        layers(s, layers, activation, "logits", l -> "data(" + l.weights().length + ", " + l.weights()[0].length + ")",
                l -> "data(1, " + l.bias().length + ")");
        s.append("loss L = cross_entropy(logits, y)\n")
                .append("# for reading: the probabilities the model returns (the loss takes the logits, so its gradient is 0)\n")
                .append("probabilities = softmax(logits)\n");
        return new Batch(s.toString(), new LessonData(org.backproplab.engine.DType.F32, blocks, network));
    }

    /**
     * The layers' lines from x on: {@code param Wn} and {@code param bn} as {@code weights} and {@code bias} write
     * them, {@code zn = h @ Wn + bn}, the activation; the last layer's sum is named {@code output}.
     */
    private static void layers(StringBuilder s, List<Layer> layers, Activation activation, String output,
            Function<Layer, String> weights, Function<Layer, String> bias) {
        String h = "x";
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            int n = i + 1;
            s.append("param W").append(n).append(" = ").append(weights.apply(layer)).append('\n')
                    .append("param b").append(n).append(" = ").append(bias.apply(layer)).append('\n');
            boolean last = i == layers.size() - 1;
            String z = last ? output : "z" + n;
            s.append(z).append(" = ").append(h).append(" @ W").append(n).append(" + b").append(n).append('\n');
            if (!last) {
                h = "h" + n;
                s.append(h).append(" = ").append(apply(activation, z)).append('\n');
            }
        }
    }

    private static LessonData.Block block(double[][] m) {
        int cols = m[0].length;
        double[] v = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, v, r * cols, cols);
        }
        return new LessonData.Block(m.length, cols, v);
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
