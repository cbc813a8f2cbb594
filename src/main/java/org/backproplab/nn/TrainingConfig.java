package org.backproplab.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import io.soabase.recordbuilder.core.RecordBuilder;
import org.backproplab.engine.DType;

/**
 * Everything that decides a training run: the network (sizes, activation, BatchNorm, dropout, initialiser) and
 * how it is trained (optimizer, learning rate and schedule, L2 weight decay, clipping, batch size, epochs, seed).
 * Same config and seed, same numbers. Changed copies come from the generated withers ({@code withBatchSize(32)},
 * {@code with(b -> b.epochs(5).seed(1))}), which go through the constructor's checks.
 */
@RecordBuilder
public record TrainingConfig(int[] layers, Activation.Kind activation, boolean batchNorm, double dropout,
                             Initializer.Scheme init, OptimizerKind optimizer, double learningRate, Schedule schedule,
                             double weightDecay, Clipping clipping, int batchSize, int epochs, long seed)
        implements TrainingConfigBuilder.With {

    public TrainingConfig {
        layers = layers.clone();
        Mlp.sizes(layers); // validates
        // One message per setting, naming it and the value, so that a bad model file or form says which one.
        check(batchSize >= 1, "the batch size must be 1 or more, not " + batchSize);
        check(epochs >= 0, "the epochs must be 0 or more, not " + epochs);
        check(learningRate > 0 && Double.isFinite(learningRate), "the learning rate must be a positive number, not "
                + learningRate);
        check(dropout >= 0 && dropout < 1, "the dropout rate must be in [0, 1), not " + dropout);
        check(weightDecay >= 0 && Double.isFinite(weightDecay), "the weight decay must be 0 or more, not " + weightDecay);
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** The Keras classic: 784 → 10 ReLU → 10 softmax, Adam 0.01, batch 32, 5 epochs. */
    public static TrainingConfig kerasClassic() {
        return defaults(new int[] {784, 10, 10}).with(b -> b.optimizer(OptimizerKind.ADAM).learningRate(0.01).batchSize(32).epochs(5));
    }

    /** 784 → 800 ReLU → 10 with dropout 0.2, Adam 0.001 on a cosine schedule over 20 epochs: ≤ 1.6 % test error. */
    public static TrainingConfig mlp800() {
        return defaults(new int[] {784, 800, 10}).with(b -> b.dropout(0.2).schedule(new Schedule.Cosine()).epochs(20));
    }

    /** ReLU, Glorot-uniform weights (the Keras default), Adam 0.001, batch 128, 5 epochs, seed 0. */
    public static TrainingConfig defaults(int[] layers) {
        return new TrainingConfig(layers, Activation.Kind.RELU, false, 0, Initializer.Scheme.XAVIER_UNIFORM,
                OptimizerKind.ADAM, 0.001, Schedule.NONE, 0, Clipping.NONE, 128, 5, 0);
    }

    public TrainingConfig withOptimizer(OptimizerKind kind, double lr) {
        return with(b -> b.optimizer(kind).learningRate(lr));
    }

    public TrainingConfig withNetwork(Activation.Kind act, boolean bn, double drop, Initializer.Scheme scheme) {
        return with(b -> b.activation(act).batchNorm(bn).dropout(drop).init(scheme));
    }

    public TrainingConfig withRegularisation(Schedule s, double decay, Clipping c) {
        return with(b -> b.schedule(s).weightDecay(decay).clipping(c));
    }

    /** A fresh network as this config describes it, in float32, its weights drawn from the seed. */
    public Sequential buildNetwork() {
        return Mlp.sizes(layers).activation(activation).batchNorm(batchNorm).dropout(dropout).init(init)
                .dtype(DType.F32).seed(seed).build();
    }

    /** The size list as written on the command line: 784,128,10. */
    public String layerList() {
        return String.join(",", Arrays.stream(layers).mapToObj(Integer::toString).toList());
    }

    /** The config as key=value pairs (model files store it this way). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layers", layerList());
        m.put("activation", activation.id());
        m.put("batchnorm", Boolean.toString(batchNorm));
        m.put("dropout", Double.toString(dropout));
        m.put("init", init.id());
        m.put("optimizer", optimizer.id());
        m.put("lr", Double.toString(learningRate));
        m.put("schedule", schedule.id());
        m.put("weight_decay", Double.toString(weightDecay));
        m.put("clip", clipping.id());
        m.put("clip_threshold", Double.toString(clipping.threshold()));
        m.put("batch", Integer.toString(batchSize));
        m.put("epochs", Integer.toString(epochs));
        m.put("seed", Long.toString(seed));
        return m;
    }

    public static TrainingConfig fromMap(Map<String, String> m) {
        return new TrainingConfig(Mlp.parseSizes(need(m, "layers")), Activation.Kind.parse(need(m, "activation")),
                Boolean.parseBoolean(need(m, "batchnorm")), Double.parseDouble(need(m, "dropout")),
                Initializer.Scheme.parse(need(m, "init")), OptimizerKind.parse(need(m, "optimizer")),
                Double.parseDouble(need(m, "lr")), Schedule.parse(need(m, "schedule")),
                Double.parseDouble(need(m, "weight_decay")),
                Clipping.parse(need(m, "clip"), Double.parseDouble(need(m, "clip_threshold"))),
                Integer.parseInt(need(m, "batch")), Integer.parseInt(need(m, "epochs")), Long.parseLong(need(m, "seed")));
    }

    private static String need(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the setting '" + key + "' is missing");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && c.toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString().toLowerCase(Locale.ROOT);
    }
}
