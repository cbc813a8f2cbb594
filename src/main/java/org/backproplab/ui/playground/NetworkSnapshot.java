package org.backproplab.ui.playground;

import java.util.List;

import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Linear;
import org.backproplab.labs.Playground;

/**
 * A copy of the playground's network taken between two epochs on the training thread: every weight and bias with
 * its gradient (what the parameter's grad buffer held after the last step, the last mini-batch's) and its last
 * update. The views read it on their own thread while training goes on, and compute from it what every neuron
 * outputs over a grid of points, in plain Java, which is what the neuron pictures and the decision boundary show.
 */
public final class NetworkSnapshot {

    private final List<Playground.Feature> features;
    private final Activation.Kind activation;
    private final Playground.Problem problem;
    private final int[] sizes;
    /** Per layer: [inputs][neurons]. */
    private final double[][][] weights;
    private final double[][][] weightGrads;
    private final double[][][] weightSteps;
    /** Per layer: [neurons]. */
    private final double[][] biases;
    private final double[][] biasGrads;
    private final double[][] biasSteps;

    private NetworkSnapshot(Playground p) {
        Playground.Config c = p.config();
        features = c.features();
        activation = c.activation();
        problem = c.problem();
        List<Linear> layers = p.layers();
        int n = layers.size();
        sizes = new int[n + 1];
        weights = new double[n][][];
        weightGrads = new double[n][][];
        weightSteps = new double[n][][];
        biases = new double[n][];
        biasGrads = new double[n][];
        biasSteps = new double[n][];
        // lastUpdate() follows network().parameters(): W1, b1, W2, b2, …
        double[][] updates = p.lastUpdate();
        for (int l = 0; l < n; l++) {
            Linear layer = layers.get(l);
            sizes[l] = layer.inputs();
            sizes[l + 1] = layer.outputs();
            weights[l] = layer.weight().toArray();
            weightGrads[l] = rows(layer.weight().gradSnapshot().values(), layer.inputs(), layer.outputs());
            biases[l] = layer.bias().snapshot().values();
            biasGrads[l] = layer.bias().gradSnapshot().values();
            if (updates != null) {
                weightSteps[l] = rows(updates[2 * l], layer.inputs(), layer.outputs());
                biasSteps[l] = updates[2 * l + 1].clone();
            }
        }
    }

    /** Copies the network as it is now; call it on the thread that trains. */
    public static NetworkSnapshot of(Playground playground) {
        return new NetworkSnapshot(playground);
    }

    private static double[][] rows(double[] values, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * cols, out[r], 0, cols);
        }
        return out;
    }

    public List<Playground.Feature> features() { return features; }

    public Activation.Kind activation() { return activation; }

    public Playground.Problem problem() { return problem; }

    /** The layer sizes: the features, each hidden layer, the one output. */
    public int[] sizes() { return sizes.clone(); }

    /** How many dense layers (hidden layers + 1). */
    public int layers() { return weights.length; }

    public double value(ParamRef p) {
        return p.isBias() ? biases[p.layer()][p.to()] : weights[p.layer()][p.from()][p.to()];
    }

    /** ∂loss/∂p over the last mini-batch of the last step (0 before the first step). */
    public double gradient(ParamRef p) {
        return p.isBias() ? biasGrads[p.layer()][p.to()] : weightGrads[p.layer()][p.from()][p.to()];
    }

    /** How much the last step changed p; NaN before the first step. */
    public double update(ParamRef p) {
        if (biasSteps[p.layer()] == null) {
            return Double.NaN;
        }
        return p.isBias() ? biasSteps[p.layer()][p.to()] : weightSteps[p.layer()][p.from()][p.to()];
    }

    /** The largest |weight| of the network, for scaling the links' widths. */
    public double maxAbsWeight() {
        double max = 0;
        for (double[][] w : weights) {
            for (double[] row : w) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /**
     * What every neuron outputs at each point (x1, x2): element [0] holds the features, [l] the outputs of hidden
     * layer l after the activation, the last the network's output (class-1 probability, or the value for
     * regression); each as [neuron][point].
     */
    public double[][][] forward(double[][] points) {
        int count = points.length;
        double[][][] out = new double[sizes.length][][];
        out[0] = new double[features.size()][count];
        for (int f = 0; f < features.size(); f++) {
            Playground.Feature feature = features.get(f);
            for (int k = 0; k < count; k++) {
                out[0][f][k] = feature.of(points[k][0], points[k][1]);
            }
        }
        for (int l = 0; l < weights.length; l++) {
            boolean last = l == weights.length - 1;
            double[][] in = out[l];
            double[][] w = weights[l];
            double[][] z = new double[sizes[l + 1]][count];
            for (int j = 0; j < z.length; j++) {
                double[] zj = z[j];
                java.util.Arrays.fill(zj, biases[l][j]);
                for (int i = 0; i < in.length; i++) {
                    double wij = w[i][j];
                    double[] xi = in[i];
                    for (int k = 0; k < count; k++) {
                        zj[k] += xi[k] * wij;
                    }
                }
                for (int k = 0; k < count; k++) {
                    zj[k] = last ? (problem == Playground.Problem.CLASSIFICATION ? Unary.Kind.SIGMOID.apply(zj[k], 0) : zj[k])
                            : activate(zj[k]);
                }
            }
            out[l + 1] = z;
        }
        return out;
    }

    private double activate(double z) {
        return switch (activation) {
            case SIGMOID -> Unary.Kind.SIGMOID.apply(z, 0);
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(z, 0);
            case LEAKY_RELU -> z > 0 ? z : Activation.DEFAULT_SLOPE * z;
        };
    }

    /** Copies values into a network's parameters of the same shapes (carrying training on with new settings). */
    static void copyValues(Playground from, Playground to) {
        List<Tensor> source = from.network().parameters();
        List<Tensor> target = to.network().parameters();
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("the networks differ in shape");
        }
        for (int p = 0; p < source.size(); p++) {
            if (!source.get(p).sameShape(target.get(p))) {
                throw new IllegalArgumentException("the networks differ in shape at " + source.get(p).label());
            }
            double[] v = source.get(p).snapshot().values();
            for (int i = 0; i < v.length; i++) {
                target.get(p).value().set(i, v[i]);
            }
        }
    }
}
