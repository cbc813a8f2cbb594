package org.backproplab.engine;

/**
 * What an op tells about ∂out/∂input for one input, for display: how the upstream gradient combines with
 * it, a formula in words, and (when it is a plain matrix) its value.
 *
 * @param kind    how the contribution is formed from the upstream gradient and {@code value}
 * @param formula the local derivative as text, e.g. {@code "b"}, {@code "1 − y²"}, {@code "Bᵀ"}
 * @param value   the local derivative's numbers, or null where it is no single matrix (softmax's Jacobian)
 */
public record LocalDerivative(Kind kind, String formula, Snapshot value) {

    /** How the contribution to ∂L/∂input comes from ∂L/∂out and the local derivative. */
    public enum Kind {
        /** Element by element: ∂L/∂a = ∂L/∂c ⊙ ∂c/∂a, summed over rows (or all) where a was broadcast. */
        ELEMENTWISE,
        /** A matrix product on the right: ∂L/∂A = ∂L/∂C · value. */
        TIMES_RIGHT,
        /** A matrix product on the left: ∂L/∂B = value · ∂L/∂C. */
        TIMES_LEFT,
        /** Neither: the formula says how (a Jacobian-vector product, a transpose). */
        FORMULA
    }

    public static LocalDerivative elementwise(String formula, Snapshot value) {
        return new LocalDerivative(Kind.ELEMENTWISE, formula, value);
    }

    public static LocalDerivative formula(String formula) {
        return new LocalDerivative(Kind.FORMULA, formula, null);
    }
}
