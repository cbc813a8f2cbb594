package org.backproplab.engine;

/**
 * Which shapes element-wise ops combine: equal shapes, a scalar with anything, and a 1×N row with an R×N
 * matrix (the row repeated down the rows). The gradient of a broadcast input is summed back to its shape.
 */
final class Broadcast {

    private Broadcast() {
    }

    /** The output shape {rows, cols} of an element-wise op on a and b, or a ShapeException naming both. */
    static int[] shape(String op, String symbol, Tensor a, Tensor b) {
        if (a.sameShape(b) || b.isScalar()) {
            return new int[] {a.rows(), a.cols()};
        }
        if (a.isScalar()) {
            return new int[] {b.rows(), b.cols()};
        }
        if (a.cols() == b.cols() && (a.rows() == 1 || b.rows() == 1)) {
            return new int[] {Math.max(a.rows(), b.rows()), a.cols()};
        }
        throw new ShapeException(op + ": " + a.shape() + " " + symbol + " " + b.shape()
                + " — shapes differ, and neither is a scalar or a row of " + Math.max(a.cols(), b.cols()) + " columns");
    }

    /** The index into {@code in} that output element (r, c) reads. */
    static int index(Tensor in, int r, int c) {
        return (in.rows() == 1 ? 0 : r) * in.cols() + (in.cols() == 1 ? 0 : c);
    }

    static boolean isBroadcast(Tensor in, Tensor out) {
        return !in.sameShape(out);
    }
}
