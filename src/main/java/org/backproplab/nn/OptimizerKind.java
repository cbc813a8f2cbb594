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

    /** A fresh optimizer of this kind (no momentum or moments yet) over {@code parameters}. */
    public Optimizer create(List<Tensor> parameters, double learningRate) {
        return switch (this) {
            case SGD -> new Optimizer.Sgd(parameters, learningRate);
            case MOMENTUM -> new Optimizer.Momentum(parameters, learningRate);
            case NESTEROV -> new Optimizer.Momentum(parameters, learningRate, 0.9, true);
            case RMSPROP -> new Optimizer.RmsProp(parameters, learningRate);
            case ADAM -> new Optimizer.Adam(parameters, learningRate);
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
