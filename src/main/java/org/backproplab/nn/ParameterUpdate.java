package org.backproplab.nn;

import java.util.Map;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;

/**
 * One parameter's update by an optimizer, as plain data: the values before and after, the gradient used,
 * the rule in symbols and the optimizer's state after the step (velocity, moments).
 */
public record ParameterUpdate(Tensor parameter, Snapshot before, Snapshot gradient, Snapshot after,
                              double learningRate, String rule, Map<String, Snapshot> state) {

    /** Receives the updates of a step, one parameter at a time. */
    @FunctionalInterface
    public interface Listener {
        void on(ParameterUpdate update);
    }
}
