package org.backproplab.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import io.soabase.recordbuilder.core.RecordBuilder;
import org.backproplab.engine.Buffer;
import org.backproplab.engine.DType;
import org.backproplab.engine.F32Buffer;
import org.backproplab.engine.Graph;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Examples;
import org.backproplab.nn.GradientClipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.Linear;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Mlp;
import org.backproplab.nn.Module;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Sequential;
import org.backproplab.nn.TrainingStep;
import org.backproplab.sampling.MiniBatches;

/**
 * The gradient-flow lab's model: a deep MLP trained step by step on mini-batches while every layer is
 * measured — the norm of its weight gradient, the size of its update relative to its weights, and the
 * statistics of its activations — so that vanishing and exploding gradients, and their cures, can be seen.
 * Layers are numbered from the input side, 1 to depth; the last is the output layer.
 */
public final class GradientFlow {

    /** The switches of the lab. Depth counts linear layers, the output layer included. */
    @RecordBuilder
    public record Config(int depth, int width, Activation.Kind activation, Initializer.Scheme init, boolean batchNorm,
                         Clipping clipping, OptimizerKind optimizer, double learningRate, int batchSize, long seed)
            implements GradientFlowConfigBuilder.With {
        public Config {
            if (depth < 2 || depth > 20 || width < 8 || width > 256) {
                throw new IllegalArgumentException("depth is 2 to 20 and width 8 to 256; got depth " + depth + ", width "
                        + width);
            }
            if (batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("need batch >= 1 and a positive learning rate");
            }
        }

        /** The classic demonstration: depth 10, width 64, SGD 0.1, batch 256, no clipping. */
        public static Config of(Activation.Kind activation, Initializer.Scheme init) {
            return new Config(10, 64, activation, init, false, Clipping.NONE, OptimizerKind.SGD, 0.1, 256, 0);
        }

        public Config withOptimizer(OptimizerKind kind, double lr) {
            return with(b -> b.optimizer(kind).learningRate(lr));
        }
    }

    /**
     * One layer after a step; the weight-gradient norm is taken before clipping. The saturated fraction is the share of activations where the activation's slope
     * is (nearly) gone: sigmoid outputs below 0.01 or above 0.99, tanh outputs beyond ±0.99, ReLU outputs of
     * exactly 0 (dead for that example), Leaky ReLU inputs below 0; NaN for the output layer, which has no
     * activation.
     *
     * <p>{@code meanLocalDerivative} is the mean over the batch of the activation's local derivative f′ (σ′ = y·(1 − y),
     * tanh′ = 1 − y², ReLU′ 1 or 0, Leaky ReLU′ 1 or its slope), taken from the engine's own op: the factor by which the
     * backward pass multiplies the gradient at this layer's activation — why a deep sigmoid network's gradient
     * vanishes even where nothing saturates (σ′ ≤ 0.25, ten times over). NaN for the output layer.
     * {@code outputGradNorm} is ‖∂L/∂h‖ at the layer's output h (its activations, or the logits for the output
     * layer), so the ratio of two neighbours is how much one layer scales the gradient on its way back.
     */
    public record LayerStats(int index, double weightGradNorm, double updateRatio, double activationMean,
                             double activationStd, double saturatedFraction, float[] activations,
                             double meanLocalDerivative, double outputGradNorm) {
    }

    /**
     * How much the backward pass scales the gradient between neighbouring layers: for hidden layer l (1 … n − 1),
     * ‖∂L/∂h_l‖ / ‖∂L/∂h_{l+1}‖, the way back from layer l + 1's output to layer l's — the activation's local
     * derivative times the weights (and BatchNorm's rescaling when it is on). Below 1 at every layer is a vanishing
     * gradient.
     */
    public static List<Double> backwardFactors(StepStats s) {
        List<Double> factors = new ArrayList<>();
        for (int l = 0; l + 1 < s.layers().size(); l++) {
            factors.add(s.layers().get(l).outputGradNorm() / s.layers().get(l + 1).outputGradNorm());
        }
        return factors;
    }

    /** The product of the backward factors: ‖∂L/∂h_1‖ / ‖∂L/∂logits‖, what reaches the first layer of each unit. */
    public static double backwardProduct(StepStats s) {
        double product = 1;
        for (double f : backwardFactors(s)) {
            product *= f;
        }
        return product;
    }

    /** Where values first stopped being finite: the layer (from the input side), the step, and in what. */
    public record NonFinite(int layer, int step, String in) {
    }

    /** Everything measured at one step. {@code nonFinite} is null while all values are finite. */
    public record StepStats(int step, double loss, List<LayerStats> layers, double gradNormBeforeClip,
                            double gradNormAfterClip, NonFinite nonFinite) {
    }

    private final Config config;
    private final Examples data;
    private final Sequential network;
    private final TrainingStep trainingStep;
    private final List<Linear> linears = new ArrayList<>();
    private final List<Tensor> activations = new ArrayList<>();
    private final Tensor x;
    private final Tensor y;
    private final TrainingStep.Objective objective;
    private final MiniBatches batches;
    private int step;

    public GradientFlow(Config config, Examples data) {
        this.config = config;
        this.data = data;
        int[] sizes = new int[config.depth() + 1];
        sizes[0] = data.features();
        for (int i = 1; i < config.depth(); i++) {
            sizes[i] = config.width();
        }
        sizes[config.depth()] = data.classes();
        network = Mlp.sizes(sizes).activation(config.activation()).batchNorm(config.batchNorm()).init(config.init())
                .dtype(DType.F32).seed(config.seed()).build();
        trainingStep = new TrainingStep(config.optimizer().create(network.parameters(), config.learningRate()),
                config.clipping());
        int rows = Math.min(config.batchSize(), data.count());
        x = Tensor.wrap(rows, data.features(), new float[rows * data.features()]).noGrad().named("x");
        y = Tensor.wrap(rows, data.classes(), new float[rows * data.classes()]).noGrad().named("y");
        Tensor h = x;
        for (Module m : network.modules()) {
            h = m.forward(h);
            if (m instanceof Linear l) {
                linears.add(l);
            }
            if (m instanceof Activation) {
                activations.add(h);
            }
        }
        activations.add(h); // the logits: the output layer's "activations"
        objective = TrainingStep.Objective.of(Graph.of(Loss.crossEntropy(h, y)));
        batches = new MiniBatches(data.count(), rows, new Random(config.seed() ^ 0x9E3779B97F4A7C15L));
        batches.shuffle();
    }

    public Config config() {
        return config;
    }

    public Sequential network() {
        return network;
    }

    /** Steps taken so far (updates made). */
    public int steps() {
        return step;
    }

    /** Forward and backward on the next batch without an update: the state at initialisation for step 0. */
    public StepStats measure() {
        return run(false);
    }

    /** One training step: forward, backward, clipping, update; measured. */
    public StepStats step() {
        return run(true);
    }

    private StepStats run(boolean update) {
        nextBatch();
        Measurements m = new Measurements(update);
        TrainingStep.Result r = trainingStep.run(objective, m);
        if (r.updated()) {
            step++;
        }
        List<LayerStats> layers = new ArrayList<>();
        for (int l = 0; l < linears.size(); l++) {
            Tensor w = linears.get(l).weight();
            double ratio = 0;
            if (m.weightsBefore[l] != null) {
                double delta = 0;
                double size = 0;
                for (int i = 0; i < w.size(); i++) {
                    double d = w.value().get(i) - m.weightsBefore[l][i];
                    delta += d * d;
                    size += (double) m.weightsBefore[l][i] * m.weightsBefore[l][i];
                }
                ratio = Math.sqrt(delta) / Math.sqrt(size);
            }
            layers.add(layerStats(l, m.weightNorms[l], ratio));
        }
        return new StepStats(update ? step : 0, r.loss(), layers, m.normBefore, m.normAfter, m.nonFinite);
    }

    /** What the lab measures inside a step: per-layer gradient norms before clipping, weights before the update. */
    private final class Measurements implements TrainingStep.Watcher {
        private final boolean update;
        private final double[] weightNorms = new double[linears.size()];
        private final float[][] weightsBefore = new float[linears.size()][];
        private double normBefore;
        private double normAfter;
        private NonFinite nonFinite;

        Measurements(boolean update) {
            this.update = update;
        }

        @Override
        public void backpropagated(double loss) {
            for (int l = 0; l < linears.size(); l++) {
                weightNorms[l] = norm(linears.get(l).weight().grad()); // the gradient as backprop made it
            }
        }

        @Override
        public boolean shouldUpdate(double loss, GradientClipping.Report clipping) {
            // A clipping step reports the norm before and after; without one the gradients are as backprop made them.
            normBefore = clipping == null ? GradientClipping.globalNorm(trainingStep.parameters()) : clipping.normBefore();
            normAfter = clipping == null ? normBefore : clipping.normAfter();
            for (int l = 0; l < linears.size(); l++) {
                weightsBefore[l] = update ? floats(linears.get(l).weight().value()) : null;
            }
            nonFinite = findNonFinite(loss);
            return update && nonFinite == null;
        }
    }

    private LayerStats layerStats(int l, double gradNorm, double ratio) {
        Tensor a = activations.get(l);
        boolean output = l == linears.size() - 1;
        float[] values = floats(a.value());
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double sq = 0;
        int saturated = 0;
        Tensor pre = a.inputs().isEmpty() ? a : a.inputs().get(0);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            sq += (v - mean) * (v - mean);
            saturated += !output && isSaturated(v, pre.value().get(i)) ? 1 : 0;
        }
        return new LayerStats(l + 1, gradNorm, ratio, mean, Math.sqrt(sq / values.length),
                output ? Double.NaN : (double) saturated / values.length, values,
                output ? Double.NaN : meanLocalDerivative(a), norm(a.grad()));
    }

    /** The mean of f′ over the batch, as the engine's op states it for its backward pass. */
    private static double meanLocalDerivative(Tensor activation) {
        double[] d = activation.op().localDerivative(activation, 0).value().values();
        double sum = 0;
        for (double v : d) {
            sum += v;
        }
        return sum / d.length;
    }

    private boolean isSaturated(double out, double in) {
        return switch (config.activation()) {
            case SIGMOID -> out < 0.01 || out > 0.99;
            case TANH -> Math.abs(out) > 0.99;
            case RELU -> out == 0;
            case LEAKY_RELU -> in < 0;
        };
    }

    /** The first layer (from the input side) whose activations, or else weight gradients, are not finite. */
    private NonFinite findNonFinite(double loss) {
        for (int l = 0; l < activations.size(); l++) {
            if (!allFinite(activations.get(l).value())) {
                return new NonFinite(l + 1, step + 1, "activations");
            }
        }
        for (int l = 0; l < linears.size(); l++) {
            if (!allFinite(linears.get(l).weight().grad())) {
                return new NonFinite(l + 1, step + 1, "gradients");
            }
        }
        return Double.isFinite(loss) ? null : new NonFinite(linears.size(), step + 1, "loss");
    }

    private void nextBatch() {
        data.gatherer().gather(batches.order(), batches.nextFull(), x.rows(), ((F32Buffer) x.value()).array(),
                ((F32Buffer) y.value()).array());
    }

    private static boolean allFinite(Buffer b) {
        for (int i = 0; i < b.length(); i++) {
            if (!Double.isFinite(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static double norm(Buffer b) {
        double s = 0;
        for (int i = 0; i < b.length(); i++) {
            s += b.get(i) * b.get(i);
        }
        return Math.sqrt(s);
    }

    private static float[] floats(Buffer b) {
        float[] f = new float[b.length()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) b.get(i);
        }
        return f;
    }
}
