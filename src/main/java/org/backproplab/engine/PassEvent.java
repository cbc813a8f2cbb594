package org.backproplab.engine;

/**
 * What the engine reports while a listener watches a pass: plain data, copied at the moment it happened.
 * The step-through view displays exactly these; it never recomputes them.
 */
public sealed interface PassEvent {

    /** Forward: {@code node} was computed; it is number {@code position} (from 1) of {@code count}. */
    record ForwardStep(Tensor node, int position, int count, Snapshot value) implements PassEvent {
    }

    /** Backward starts: ∂L/∂L = 1 is written into the output's gradient. */
    record GradientSeed(Tensor output, Snapshot gradient) implements PassEvent {
    }

    /**
     * Backward: one input's share of the chain rule, ∂L/∂input += ∂L/∂node · ∂node/∂input.
     *
     * @param upstream       ∂L/∂node, the gradient arriving from the output side
     * @param local          ∂node/∂input
     * @param contribution   what was added to the input's gradient
     * @param gradientBefore the input's gradient before the addition
     * @param gradientAfter  the input's gradient after it
     * @param accumulated    true when the input already had a gradient from another path (fan-out) or an
     *                       earlier pass, so this step adds to it rather than starting it
     */
    record BackwardStep(Tensor node, int inputIndex, Tensor input, Snapshot upstream, LocalDerivative local,
                        Snapshot contribution, Snapshot gradientBefore, Snapshot gradientAfter,
                        boolean accumulated) implements PassEvent {
    }

    /** Forward mode starts ({@link ForwardMode}): the chosen leaf's tangent is the direction, every other leaf's 0. */
    record TangentSeed(Tensor leaf, Snapshot direction) implements PassEvent {
    }

    /**
     * Forward mode: {@code node} was computed, number {@code position} (from 1) of {@code count}, and with it its
     * tangent, the derivative of its value along the seed's direction.
     */
    record TangentStep(Tensor node, int position, int count, Snapshot value, Snapshot tangent) implements PassEvent {
    }
}
