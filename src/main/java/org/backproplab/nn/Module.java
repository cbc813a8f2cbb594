package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.Tensor;

/** A piece of a network: builds its part of the graph from an input node and owns its parameters. */
public interface Module {

    /** Adds this module's nodes on top of {@code x} and returns the output node. */
    Tensor forward(Tensor x);

    /** The trainable tensors, in a fixed order (saving, loading and optimizers rely on it). */
    default List<Tensor> parameters() {
        return List.of();
    }

    /** Switches between training and evaluation behaviour (batch normalisation, dropout). */
    default void setTraining(boolean training) {
    }
}
