package org.backproplab.engine;

import java.util.List;
import java.util.Map;

/**
 * How one node was computed from its inputs, how its gradient flows back to them (reverse mode), and how a tangent
 * flows forward from them (forward mode). Each node owns its op instance, which keeps what forward saved for backward
 * (the PyTorch Function contract). The three rules of an op sit side by side in its one class.
 */
public interface Op {

    /** A short name for labels and error messages: {@code "add"}, {@code "matmul"}, {@code "relu"}. */
    String name();

    /** The expression as text given the inputs' labels, e.g. {@code "a + b"} or {@code "relu(x)"}. */
    default String formula(List<String> inputs) {
        return name() + "(" + String.join(", ", inputs) + ")";
    }

    /** (Re)computes {@code out}'s value from its inputs' current values, saving what backward needs. */
    void forward(Tensor out);

    /**
     * Writes into {@code dst} (shaped like input {@code index}, all zeros on entry) the contribution of
     * {@code out.grad()} to that input's gradient: ∂L/∂input = ∂L/∂out · ∂out/∂input.
     */
    void backward(Tensor out, int index, Buffer dst);

    /**
     * Forward mode: writes into {@code dst} (shaped like {@code out}, all zeros on entry) the tangent of {@code out},
     * ṫ(out) = Σ_i ∂out/∂input_i · ṫ(input_i), given each input's tangent in {@code inputTangents} (shaped like that
     * input): the Jacobian-vector product of this op, applied to what a {@link ForwardMode} pass carries. Called
     * right after {@link #forward}, so it may read what forward saved.
     */
    void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst);

    /**
     * True when {@link #backward} assigns every element of {@code dst} and never reads it, so that a gradient
     * that only counts as zero need not be filled with zeros first (a matrix product's: 400 KB a batch for the
     * first layer of an MNIST net).
     */
    default boolean backwardOverwrites(Tensor out, int index) {
        return false;
    }

    /** ∂out/∂input {@code index} for display; called only when someone is watching. */
    LocalDerivative localDerivative(Tensor out, int index);

    /** What forward remembered for backward, by name, for the inspector. */
    default Map<String, Snapshot> saved() {
        return Map.of();
    }
}
