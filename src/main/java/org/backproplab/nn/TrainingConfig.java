package org.backproplab.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backproplab.engine.DType;

/**
 * Everything that decides a training run: the network (sizes, activation, BatchNorm, dropout, initialiser) and
 * how it is trained (optimizer, learning rate and schedule, L2 weight decay, clipping, batch size, epochs, seed).
 * Same config and seed, same numbers.
 *
 * @param clip      "none", "norm" (global norm) or "value"
 * @param schedule  "none", "cosine" or "step:EVERY:FACTOR"
 */
public record TrainingConfig(int[] layers, Activation.Kind activation, boolean batchNorm, double dropout,
                             Initializer.Scheme init, String optimizer, double learningRate, String schedule,
                             double weightDecay, String clip, double clipThreshold, int batchSize, int epochs,
                             long seed) {

    public TrainingConfig {
        layers = layers.clone();
        Mlp.sizes(layers); // validates
        Optimizer.create(optimizer, java.util.List.of(), 0); // validates the name
        Schedule.parse(schedule, Math.max(1, epochs));
        if (!Arrays.asList("none", "norm", "value").contains(clip)) {
            throw new IllegalArgumentException("clip is none, norm or value, not '" + clip + "'");
        }
        if (batchSize < 1 || epochs < 0 || !(learningRate > 0) || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("need batch >= 1, epochs >= 0, learning rate > 0 and dropout in [0, 1)");
        }
    }

    /** The Keras classic: 784 → 10 ReLU → 10 softmax, Adam 0.01, batch 32, 5 epochs. */
    public static TrainingConfig kerasClassic() {
        return defaults(new int[] {784, 10, 10}).withOptimizer("adam", 0.01).withBatch(32).withEpochs(5);
    }

    /** ReLU, Glorot-uniform weights (the Keras default), Adam 0.001, batch 128, 5 epochs, seed 0. */
    public static TrainingConfig defaults(int[] layers) {
        return new TrainingConfig(layers, Activation.Kind.RELU, false, 0, Initializer.Scheme.XAVIER_UNIFORM, "adam",
                0.001, "none", 0, "none", 0, 128, 5, 0);
    }

    public TrainingConfig withOptimizer(String id, double lr) {
        return new TrainingConfig(layers, activation, batchNorm, dropout, init, id, lr, schedule, weightDecay, clip,
                clipThreshold, batchSize, epochs, seed);
    }

    public TrainingConfig withBatch(int batch) {
        return new TrainingConfig(layers, activation, batchNorm, dropout, init, optimizer, learningRate, schedule,
                weightDecay, clip, clipThreshold, batch, epochs, seed);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(layers, activation, batchNorm, dropout, init, optimizer, learningRate, schedule,
                weightDecay, clip, clipThreshold, batchSize, n, seed);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(layers, activation, batchNorm, dropout, init, optimizer, learningRate, schedule,
                weightDecay, clip, clipThreshold, batchSize, epochs, s);
    }

    public TrainingConfig withNetwork(Activation.Kind act, boolean bn, double drop, Initializer.Scheme scheme) {
        return new TrainingConfig(layers, act, bn, drop, scheme, optimizer, learningRate, schedule, weightDecay, clip,
                clipThreshold, batchSize, epochs, seed);
    }

    public TrainingConfig withRegularisation(String sched, double decay, String clipMode, double threshold) {
        return new TrainingConfig(layers, activation, batchNorm, dropout, init, optimizer, learningRate, sched, decay,
                clipMode, threshold, batchSize, epochs, seed);
    }

    /** A fresh network as this config describes it, in float32, its weights drawn from the seed. */
    public Sequential buildNetwork() {
        return Mlp.sizes(layers).activation(activation).batchNorm(batchNorm).dropout(dropout).init(init)
                .dtype(DType.F32).seed(seed).build();
    }

    public Schedule parsedSchedule() {
        return Schedule.parse(schedule, Math.max(1, epochs));
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
        m.put("optimizer", optimizer);
        m.put("lr", Double.toString(learningRate));
        m.put("schedule", schedule);
        m.put("weight_decay", Double.toString(weightDecay));
        m.put("clip", clip);
        m.put("clip_threshold", Double.toString(clipThreshold));
        m.put("batch", Integer.toString(batchSize));
        m.put("epochs", Integer.toString(epochs));
        m.put("seed", Long.toString(seed));
        return m;
    }

    public static TrainingConfig fromMap(Map<String, String> m) {
        return new TrainingConfig(Mlp.parseSizes(need(m, "layers")), Activation.Kind.parse(need(m, "activation")),
                Boolean.parseBoolean(need(m, "batchnorm")), Double.parseDouble(need(m, "dropout")),
                Initializer.Scheme.parse(need(m, "init")), need(m, "optimizer"), Double.parseDouble(need(m, "lr")),
                need(m, "schedule"), Double.parseDouble(need(m, "weight_decay")), need(m, "clip"),
                Double.parseDouble(need(m, "clip_threshold")), Integer.parseInt(need(m, "batch")),
                Integer.parseInt(need(m, "epochs")), Long.parseLong(need(m, "seed")));
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
