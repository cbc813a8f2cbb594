package org.backproplab.stepper;

/** The three phases of one training iteration, in the order the stepper walks them. */
public enum Phase {
    /** One op node per step, in topological order. */
    FORWARD,
    /** ∂L/∂L = 1, then one chain-rule product per step, in reverse topological order. */
    BACKWARD,
    /** One parameter per step, by the optimizer's rule. */
    UPDATE
}
