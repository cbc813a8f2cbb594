package org.backproplab.ui.mnist;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.TrainingConfig;

/**
 * The networks the tab offers ready-made, the same as {@code bench --preset}: the seed's Keras example, two
 * common MLPs, and the 800-unit net of LeCun's table. {@link #CUSTOM} is whatever the fields say.
 */
public enum Preset {
    /** 784 → 10 ReLU → 10, Adam 0.01, batch 32, 5 epochs: the Keras example the project started from. */
    KERAS_CLASSIC("mnist.preset.keras", TrainingConfig.kerasClassic()),
    MLP_128("mnist.preset.mlp128", TrainingConfig.defaults(new int[] {784, 128, 10})),
    MLP_256_128("mnist.preset.mlp256", TrainingConfig.defaults(new int[] {784, 256, 128, 10})),
    /** 784 → 800 → 10 with dropout 0.2 and a cosine schedule over 20 epochs: ≤ 1.6% test error. */
    MLP_800("mnist.preset.mlp800", TrainingConfig.mlp800()),
    CUSTOM("mnist.preset.custom", null);

    private final String key;
    private final TrainingConfig config;

    Preset(String key, TrainingConfig config) {
        this.key = key;
        this.config = config;
    }

    /** The message key of its name. */
    public String key() {
        return key;
    }

    /** Its config; null for {@link #CUSTOM}. */
    public TrainingConfig config() {
        return config;
    }

    /** The preset whose config equals this one, else {@link #CUSTOM}. */
    public static Preset matching(TrainingConfig config) {
        for (Preset p : values()) {
            if (p.config != null && p.config.equals(config)) {
                return p;
            }
        }
        return CUSTOM;
    }
}
