package org.backproplab.labs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import io.soabase.recordbuilder.core.RecordBuilder;
import org.backproplab.engine.Binary;
import org.backproplab.engine.DType;
import org.backproplab.engine.Graph;
import org.backproplab.engine.Reduce;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Ids;
import org.backproplab.nn.Linear;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Mlp;
import org.backproplab.nn.Module;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Sequential;
import org.backproplab.nn.TrainingStep;
import org.backproplab.sampling.MiniBatches;

/**
 * The 2-D playground's model: a small network on points (x1, x2) with chosen input features, trained by SGD
 * on mini-batches epoch by epoch, with L1 or L2 regularisation written into the loss as engine ops (so that
 * its gradient is the engine's like any other). Classification has one output unit, a logit for class 1
 * with binary cross-entropy; regression has one linear output with squared error. Float64 throughout.
 */
public final class Playground {

    /** The input features the network may see. */
    public enum Feature {
        X1("x₁"), X2("x₂"), X1_SQUARED("x₁²"), X2_SQUARED("x₂²"), X1_TIMES_X2("x₁·x₂"), SIN_X1("sin x₁"),
        SIN_X2("sin x₂");

        private final String symbol;

        Feature(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public double of(double x1, double x2) {
            return switch (this) {
                case X1 -> x1;
                case X2 -> x2;
                case X1_SQUARED -> x1 * x1;
                case X2_SQUARED -> x2 * x2;
                case X1_TIMES_X2 -> x1 * x2;
                case SIN_X1 -> Math.sin(x1);
                case SIN_X2 -> Math.sin(x2);
            };
        }
    }

    /** What is learned: a class (0 or 1) or a value. */
    public enum Problem { CLASSIFICATION, REGRESSION }

    /** The penalty on the weights added to the loss: none, L1 (Σ|w|) or L2 (½·Σw²). */
    public enum Regularization {
        NONE, L1, L2;

        /** The written name: none, l1 or l2. */
        public String id() {
            return Ids.of(this);
        }

        public static Regularization parse(String id) {
            return Ids.find(values(), Regularization::id, id).orElseThrow(() -> new IllegalArgumentException(
                    "regularisation is none, l1 or l2, not '" + id + "'"));
        }
    }

    /** The playground's settings; {@code hidden} lists the neurons of each hidden layer (0 to 6 layers of 1 to 8). */
    @RecordBuilder
    public record Config(List<Feature> features, int[] hidden, Activation.Kind activation, double learningRate,
                         Regularization regularization, double regularizationRate, int batchSize, Problem problem,
                         long seed) implements PlaygroundConfigBuilder.With {
        public Config {
            features = List.copyOf(features);
            hidden = hidden.clone();
            if (features.isEmpty()) {
                throw new IllegalArgumentException("choose at least one input feature");
            }
            if (hidden.length > 6 || Arrays.stream(hidden).anyMatch(h -> h < 1 || h > 8)) {
                throw new IllegalArgumentException("0 to 6 hidden layers of 1 to 8 neurons, got " + Arrays.toString(hidden));
            }
            if (!(learningRate > 0) || batchSize < 1 || regularizationRate < 0) {
                throw new IllegalArgumentException("need a positive learning rate, batch >= 1 and a rate >= 0");
            }
        }

        @Override
        public int[] hidden() {
            return hidden.clone();
        }

        /** The browser playground's defaults: x1, x2 → 4 → 2 tanh, learning rate 0.03, batch 10. */
        public static Config defaults() {
            return new Config(List.of(Feature.X1, Feature.X2), new int[] {4, 2}, Activation.Kind.TANH, 0.03,
                    Regularization.NONE, 0, 10, Problem.CLASSIFICATION, 0);
        }

        public Config withHidden(int... h) {
            return with(b -> b.hidden(h.clone()));
        }

        public Config withRegularization(Regularization kind, double rate) {
            return with(b -> b.regularization(kind).regularizationRate(rate));
        }
    }

    private final Config config;
    private final Sequential network;
    private final List<Linear> layers = new ArrayList<>();
    private final TrainingStep trainingStep;
    private final double[][] trainX;
    private final double[] trainY;
    private final double[][] testX;
    private final double[] testY;
    private final Map<Integer, Step> steps = new HashMap<>();
    private final MiniBatches batches;
    private int epochs;
    private double[][] lastUpdate;

    /** One reusable graph for batches of one size. */
    private record Step(Tensor x, Tensor y, Tensor output, Tensor dataLoss, Graph graph,
                        TrainingStep.Objective objective) {
        Step(Tensor x, Tensor y, Tensor output, Tensor dataLoss, Graph graph) {
            this(x, y, output, dataLoss, graph, TrainingStep.Objective.of(graph));
        }
    }

    public Playground(Config config, double[][] trainXY, double[] trainLabels, double[][] testXY, double[] testLabels) {
        if (trainXY.length == 0 || trainXY.length != trainLabels.length || testXY.length != testLabels.length) {
            throw new IllegalArgumentException("points and labels must match, and there must be training points");
        }
        this.config = config;
        int[] sizes = new int[config.hidden().length + 2];
        sizes[0] = config.features().size();
        System.arraycopy(config.hidden(), 0, sizes, 1, config.hidden().length);
        sizes[sizes.length - 1] = 1;
        network = Mlp.sizes(sizes).activation(config.activation()).dtype(DType.F64).seed(config.seed()).build();
        for (Module m : network.modules()) {
            if (m instanceof Linear l) {
                layers.add(l);
            }
        }
        trainingStep = new TrainingStep(OptimizerKind.SGD.create(network.parameters(), config.learningRate()),
                Clipping.NONE);
        trainX = trainXY;
        trainY = trainLabels;
        testX = testXY;
        testY = testLabels;
        batches = new MiniBatches(trainXY.length, config.batchSize(), new Random(config.seed() ^ 0x2545F4914F6CDD1DL));
    }

    public Config config() { return config; }

    /** The linear layers from the input side; each weight matrix is [inputs × neurons]. */
    public List<Linear> layers() { return layers; }

    public Sequential network() { return network; }

    public int epochs() { return epochs; }

    /** The change of every parameter (in {@link Sequential#parameters()} order) at the last step, or null. */
    public double[][] lastUpdate() { return lastUpdate; }

    /** One pass over the training points in shuffled mini-batches. */
    public void epoch() {
        batches.shuffle();
        int[] order = batches.order();
        List<Tensor> params = network.parameters();
        for (int b = 0; b < batches.batches(); b++) {
            int from = batches.from(b);
            int n = batches.size(b);
            Step s = step(n);
            for (int k = 0; k < n; k++) {
                fill(s.x(), k, trainX[order[from + k]]);
                s.y().set(k, 0, trainY[order[from + k]]);
            }
            double[][] before = new double[params.size()][];
            for (int p = 0; p < params.size(); p++) {
                before[p] = params.get(p).snapshot().values();
            }
            trainingStep.run(s.objective());
            lastUpdate = new double[params.size()][];
            for (int p = 0; p < params.size(); p++) {
                double[] after = params.get(p).snapshot().values();
                for (int i = 0; i < after.length; i++) {
                    after[i] -= before[p][i];
                }
                lastUpdate[p] = after;
            }
        }
        epochs++;
    }

    private Step step(int rows) {
        return steps.computeIfAbsent(rows, n -> {
            Tensor x = Tensor.zeros(DType.F64, n, config.features().size()).noGrad().named("x");
            Tensor y = Tensor.zeros(DType.F64, n, 1).noGrad().named("y");
            Tensor out = network.forward(x).named("output");
            Tensor dataLoss = config.problem() == Problem.CLASSIFICATION ? Loss.binaryCrossEntropy(out, y) : Loss.mse(out, y);
            Tensor loss = dataLoss;
            if (config.regularization() != Regularization.NONE && config.regularizationRate() > 0) {
                loss = Binary.Kind.ADD.on(dataLoss, Binary.Kind.MUL.on(Tensor.scalar(config.regularizationRate()).noGrad(),
                        penalty()));
            }
            return new Step(x, y, out, dataLoss, Graph.of(loss.named("loss")));
        });
    }

    /** Σ|w| (L1) or ½·Σw² (L2) over the weight matrices, biases left alone. */
    private Tensor penalty() {
        Tensor sum = null;
        for (Linear l : layers) {
            Tensor term = config.regularization() == Regularization.L1 ? Reduce.Kind.SUM.on(Unary.Kind.ABS.on(l.weight()))
                    : Binary.Kind.MUL.on(Tensor.scalar(0.5).noGrad(), Reduce.Kind.SUM.on(Unary.Kind.POW.on(l.weight(), 2)));
            sum = sum == null ? term : Binary.Kind.ADD.on(sum, term);
        }
        return sum;
    }

    private void fill(Tensor x, int row, double[] point) {
        List<Feature> f = config.features();
        for (int c = 0; c < f.size(); c++) {
            x.set(row, c, f.get(c).of(point[0], point[1]));
        }
    }

    /** The network's outputs for many points: class-1 probability (classification) or value (regression). */
    public double[] predict(double[][] points) {
        Step s = step(points.length);
        for (int k = 0; k < points.length; k++) {
            fill(s.x(), k, points[k]);
        }
        s.graph().forward();
        double[] out = new double[points.length];
        for (int k = 0; k < out.length; k++) {
            double v = s.output().get(k, 0);
            out[k] = config.problem() == Problem.CLASSIFICATION ? Unary.Kind.SIGMOID.apply(v, 0) : v;
        }
        return out;
    }

    /** The mean data loss (without the penalty) on the training or the test points. */
    public double loss(boolean test) {
        double[][] x = test ? testX : trainX;
        double[] y = test ? testY : trainY;
        if (x.length == 0) {
            return Double.NaN;
        }
        Step s = step(x.length);
        for (int k = 0; k < x.length; k++) {
            fill(s.x(), k, x[k]);
            s.y().set(k, 0, y[k]);
        }
        s.graph().forward();
        return s.dataLoss().item();
    }

    /** The share of test (or training) points classified right; for regression, NaN. */
    public double accuracy(boolean test) {
        double[][] x = test ? testX : trainX;
        double[] y = test ? testY : trainY;
        if (config.problem() == Problem.REGRESSION || x.length == 0) {
            return Double.NaN;
        }
        double[] p = predict(x);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] >= 0.5 ? 1 : 0) == (y[i] >= 0.5 ? 1 : 0) ? 1 : 0;
        }
        return (double) right / p.length;
    }

    /** The output over a resolution×resolution grid covering [min, max]², row by row from the top (x2 = max). */
    public double[] boundary(int resolution, double min, double max) {
        double[][] grid = new double[resolution * resolution][];
        for (int r = 0; r < resolution; r++) {
            for (int c = 0; c < resolution; c++) {
                double x1 = min + (max - min) * (c + 0.5) / resolution;
                double x2 = max - (max - min) * (r + 0.5) / resolution;
                grid[r * resolution + c] = new double[] {x1, x2};
            }
        }
        return predict(grid);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "playground %s %s epoch %d", config.features(), Arrays.toString(config.hidden()),
                epochs);
    }
}
