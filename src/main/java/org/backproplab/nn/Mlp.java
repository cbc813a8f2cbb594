package org.backproplab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.backproplab.engine.DType;

/**
 * A multi-layer perceptron from a size list such as {@code 784,128,10}: Linear layers between consecutive
 * sizes, each hidden one followed by optional BatchNorm, the activation and optional dropout; the last Linear gives
 * logits (the loss applies softmax). Weights come from the initialiser, biases start at zero.
 */
public final class Mlp {

    private int[] sizes;
    private Activation activation = Activation.of(Activation.Kind.RELU);
    private boolean batchNorm;
    private double dropout;
    private Initializer init = Initializer.Scheme.XAVIER_UNIFORM;
    private DType dtype = DType.F32;
    private long seed;

    private Mlp(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
    }

    public static Mlp sizes(int... sizes) {
        return new Mlp(sizes);
    }

    /** Parses {@code "784,128,10"}. */
    public static Mlp parse(String sizeList) {
        return sizes(parseSizes(sizeList));
    }

    /** Parses and checks {@code "784,128,10"}. */
    public static int[] parseSizes(String sizeList) {
        try {
            int[] sizes = Arrays.stream(sizeList.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            new Mlp(sizes);
            return sizes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer sizes are whole numbers separated by commas, like 784,128,10; got '"
                    + sizeList + "'");
        }
    }

    public Mlp activation(Activation activation) {
        this.activation = activation;
        return this;
    }

    public Mlp activation(Activation.Kind kind) {
        return activation(Activation.of(kind));
    }

    public Mlp batchNorm(boolean on) {
        this.batchNorm = on;
        return this;
    }

    /** Dropout after each hidden activation with this rate (0 for none). */
    public Mlp dropout(double rate) {
        this.dropout = rate;
        return this;
    }

    public Mlp init(Initializer init) {
        this.init = init;
        return this;
    }

    public Mlp dtype(DType dtype) {
        this.dtype = dtype;
        return this;
    }

    public Mlp seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Sequential build() {
        Random rng = new Random(seed);
        List<Module> modules = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            String suffix = Integer.toString(i + 1);
            modules.add(new Linear(sizes[i], sizes[i + 1], init, rng, dtype, suffix));
            if (i + 2 < sizes.length) {
                if (batchNorm) {
                    modules.add(new BatchNormLayer(sizes[i + 1], dtype, suffix));
                }
                modules.add(activation);
                if (dropout > 0) {
                    modules.add(new DropoutLayer(dropout, new Random(seed * 31 + i)));
                }
            }
        }
        return new Sequential(modules);
    }
}
