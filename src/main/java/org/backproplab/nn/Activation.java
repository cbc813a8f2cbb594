package org.backproplab.nn;

import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;

/** An element-wise nonlinearity as a layer. Leaky ReLU's slope is 0.01 unless given. */
public record Activation(Kind kind, double slope) implements Module {

    /** The activations a network can use. */
    public enum Kind {
        SIGMOID, TANH, RELU, LEAKY_RELU;

        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name.replace('-', '_'))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown activation '" + name + "'; use sigmoid, tanh, relu or leaky_relu");
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final double DEFAULT_SLOPE = 0.01;

    public static Activation of(Kind kind) {
        return new Activation(kind, DEFAULT_SLOPE);
    }

    @Override
    public Tensor forward(Tensor x) {
        return switch (kind) {
            case SIGMOID -> Unary.Kind.SIGMOID.on(x);
            case TANH -> Unary.Kind.TANH.on(x);
            case RELU -> Unary.Kind.RELU.on(x);
            case LEAKY_RELU -> Unary.Kind.LEAKY_RELU.on(x, slope);
        };
    }
}
