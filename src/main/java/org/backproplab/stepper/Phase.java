package org.backproplab.stepper;

/** The three phases of one training iteration, in the order the stepper walks them, and forward mode's passes. */
public enum Phase {
    /** One op node per step, in topological order. */
    FORWARD,
    /** ∂L/∂L = 1, then one chain-rule product per step, in reverse topological order. */
    BACKWARD,
    /** One parameter per step, by the optimizer's rule. */
    UPDATE,
    /**
     * Not part of a training iteration: forward mode ({@link TangentWalk}), a seed and then one node per step, each
     * with its tangent, one pass per input.
     */
    TANGENT
}
