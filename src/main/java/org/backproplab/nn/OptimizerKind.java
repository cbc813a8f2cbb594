package org.backproplab.nn;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.backproplab.engine.Tensor;

/**
 * The optimizers by name, from simple to complex, each with its default hyperparameters (momentum μ 0.9, RMSprop
 * ρ 0.9, Adam β₁ 0.9, β₂ 0.999, ε 1e-8). The written id is the command line's and the files'.
 */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, RMSPROP, ADAM;

    /** The written name: sgd, momentum, nesterov, rmsprop or adam. */
    public String id() {
        return Ids.of(this);
    }

    /**
     * The hyperparameters besides η that a lab may set: momentum μ (momentum and Nesterov) and Adam's β₁ and β₂.
     * RMSprop's ρ and the ε of RMSprop and Adam stay the defaults.
     */
    public record Hyperparameters(double momentum, double beta1, double beta2) {
        /** μ 0.9, β₁ 0.9, β₂ 0.999. */
        public static final Hyperparameters DEFAULT = new Hyperparameters(0.9, 0.9, 0.999);
    }

    /** A fresh optimizer of this kind (no momentum or moments yet) over {@code parameters}, with the defaults. */
    public Optimizer create(List<Tensor> parameters, double learningRate) {
        return create(parameters, learningRate, Hyperparameters.DEFAULT);
    }

    /** A fresh optimizer of this kind over {@code parameters}, with these μ, β₁ and β₂. */
    public Optimizer create(List<Tensor> parameters, double learningRate, Hyperparameters h) {
        return switch (this) {
            case SGD -> new Optimizer.Sgd(parameters, learningRate);
            case MOMENTUM -> new Optimizer.Momentum(parameters, learningRate, h.momentum(), false);
            case NESTEROV -> new Optimizer.Momentum(parameters, learningRate, h.momentum(), true);
            case RMSPROP -> new Optimizer.RmsProp(parameters, learningRate);
            case ADAM -> new Optimizer.Adam(parameters, learningRate, h.beta1(), h.beta2(), Optimizer.Adam.EPSILON);
        };
    }

    /** Every id, comma-separated, as help texts list them. */
    public static String ids() {
        return Arrays.stream(values()).map(OptimizerKind::id).collect(Collectors.joining(", "));
    }

    /** Reads an id, in any case. */
    public static OptimizerKind parse(String id) {
        return Ids.find(values(), OptimizerKind::id, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown optimizer '" + id + "'; use sgd, momentum, nesterov, rmsprop or adam"));
    }

    @Override
    public String toString() {
        return id();
    }
}
