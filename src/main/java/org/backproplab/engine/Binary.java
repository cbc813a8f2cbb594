package org.backproplab.engine;

import java.util.List;
import org.backproplab.engine.kernel.Kernels;

/**
 * Element-wise arithmetic of two inputs, c = a ∘ b, with broadcasting of a scalar or a 1×N row over the rows
 * (see {@link Broadcast}). Each kind writes its value and both local derivatives side by side; where an input
 * was broadcast its gradient is the sum over the elements it was repeated into. Forward mode uses the same two
 * local derivatives: ċ = ∂c/∂a · ȧ + ∂c/∂b · ḃ.
 *
 * <p>The max gate routes the gradient (CS231n): all of it to the larger input, none to the other. At a tie
 * (a = b) it all goes to the first input, a, as TensorFlow's {@code maximum} does, so that the two shares still
 * add up to the upstream gradient.
 */
public final class Binary implements Op {

    /** The table: value, ∂c/∂a and ∂c/∂b. */
    public enum Kind {
        ADD("add", "+") {
            double f(double a, double b) { return a + b; }
            double da(double a, double b) { return 1; }
            double db(double a, double b) { return 1; }
            String[] derivatives(String a, String b) { return new String[] {"1", "1"}; }
        },
        SUB("sub", "−") {
            double f(double a, double b) { return a - b; }
            double da(double a, double b) { return 1; }
            double db(double a, double b) { return -1; }
            String[] derivatives(String a, String b) { return new String[] {"1", "−1"}; }
        },
        MUL("mul", "·") {
            double f(double a, double b) { return a * b; }
            double da(double a, double b) { return b; }
            double db(double a, double b) { return a; }
            String[] derivatives(String a, String b) { return new String[] {b, a}; }
        },
        DIV("div", "/") {
            double f(double a, double b) { return a / b; }
            double da(double a, double b) { return 1 / b; }
            double db(double a, double b) { return -a / (b * b); }
            String[] derivatives(String a, String b) { return new String[] {"1 / " + b, "−" + a + " / " + b + "²"}; }
        },
        MAX("max", "max") {
            double f(double a, double b) { return Math.max(a, b); }
            double da(double a, double b) { return a >= b ? 1 : 0; } // a tie goes to a
            double db(double a, double b) { return a >= b ? 0 : 1; }
            String[] derivatives(String a, String b) {
                return new String[] {"1 if " + a + " ≥ " + b + ", else 0", "1 if " + b + " > " + a + ", else 0"};
            }
            @Override
            String written(String a, String b) { return "max(" + a + ", " + b + ")"; }
        };

        private final String opName;
        private final String symbol;

        Kind(String opName, String symbol) {
            this.opName = opName;
            this.symbol = symbol;
        }

        abstract double f(double a, double b);

        abstract double da(double a, double b);

        abstract double db(double a, double b);

        abstract String[] derivatives(String a, String b);

        /** The expression as text: {@code a + b}, or a function's call, {@code max(a, b)}. */
        String written(String a, String b) {
            return a + " " + symbol + " " + b;
        }

        /** True for an operator written between its inputs ({@code a + b}), false for a function ({@code max}). */
        public boolean infix() {
            return this != MAX;
        }

        public String opName() {
            return opName;
        }

        public String symbol() {
            return symbol;
        }

        /** c = a ∘ b as a new node. */
        public Tensor on(Tensor a, Tensor b) {
            int[] shape = Broadcast.shape(opName, symbol, a, b);
            return Tensor.compute(new Binary(this), shape[0], shape[1], a, b);
        }
    }

    private final Kind kind;

    private Binary(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.opName;
    }

    @Override
    public String formula(List<String> inputs) {
        return kind.written(inputs.get(0), inputs.get(1));
    }

    @Override
    public void forward(Tensor out) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        if (kind == Kind.ADD && out.dtype() == DType.F32 && a.sameShape(out) && b.rows() == 1 && b.cols() == out.cols()) {
            // The bias add of every dense layer: the same sums, without the per-element dispatch.
            Kernels.floatOps().addRow(F32Buffer.floats(a.value()), F32Buffer.floats(b.value()),
                    F32Buffer.floats(out.value()), out.cols());
            return;
        }
        Buffer av = a.value();
        Buffer bv = b.value();
        Buffer y = out.value();
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < out.cols(); c++) {
                y.set(r * out.cols() + c, kind.f(av.get(Broadcast.index(a, r, c)), bv.get(Broadcast.index(b, r, c))));
            }
        }
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        Tensor in = out.inputs().get(index);
        Buffer g = out.grad();
        if (kind == Kind.ADD && out.dtype() == DType.F32) {
            // ADD's rule (∂c/∂a = ∂c/∂b = 1) in float32: a same-shaped input's share is g itself, copied over
            // (see backwardOverwrites); a broadcast one's is g summed over the elements it was repeated into.
            if (in.sameShape(out)) {
                dst.copyFrom(g);
            } else {
                Kernels.floatOps().addBroadcastSums(F32Buffer.floats(g), F32Buffer.floats(dst), out.cols());
            }
            return;
        }
        Buffer av = a.value();
        Buffer bv = b.value();
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < out.cols(); c++) {
                double x = av.get(Broadcast.index(a, r, c));
                double z = bv.get(Broadcast.index(b, r, c));
                double local = index == 0 ? kind.da(x, z) : kind.db(x, z);
                dst.add(Broadcast.index(in, r, c), g.get(r * out.cols() + c) * local);
            }
        }
    }

    /** ċ = ∂c/∂a · ȧ + ∂c/∂b · ḃ, each input's tangent read where its value is (broadcast the same way). */
    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        Buffer at = inputTangents.get(0);
        Buffer bt = inputTangents.get(1);
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < out.cols(); c++) {
                int i = Broadcast.index(a, r, c);
                int j = Broadcast.index(b, r, c);
                double x = a.value().get(i);
                double z = b.value().get(j);
                dst.set(r * out.cols() + c, kind.da(x, z) * at.get(i) + kind.db(x, z) * bt.get(j));
            }
        }
    }

    /** The float32 add into a same-shaped input copies the gradient over; every other case adds into zeros. */
    @Override
    public boolean backwardOverwrites(Tensor out, int index) {
        return kind == Kind.ADD && out.dtype() == DType.F32 && out.inputs().get(index).sameShape(out);
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        double[] d = new double[out.size()];
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < out.cols(); c++) {
                double x = a.value().get(Broadcast.index(a, r, c));
                double z = b.value().get(Broadcast.index(b, r, c));
                d[r * out.cols() + c] = index == 0 ? kind.da(x, z) : kind.db(x, z);
            }
        }
        String formula = kind.derivatives(a.label(), b.label())[index];
        if (Broadcast.isBroadcast(out.inputs().get(index), out)) {
            formula += ", summed over the " + (out.inputs().get(index).isScalar() ? "elements" : "rows")
                    + " it was broadcast to";
        }
        return LocalDerivative.elementwise(formula, new Snapshot(out.rows(), out.cols(), d));
    }
}
