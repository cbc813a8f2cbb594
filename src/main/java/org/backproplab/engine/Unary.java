package org.backproplab.engine;

import java.util.List;
import org.backproplab.engine.kernel.Kernels;

/**
 * Element-wise functions of one input, y = f(x), each with its local derivative dy/dx written beside it.
 * Some take a constant parameter p: the exponent of pow, the slope of leaky_relu.
 *
 * <p>At kinks the derivative is chosen as PyTorch does: relu'(0) = 0, leaky_relu'(0) = slope, abs'(0) = 0.
 *
 * <p>ReLU on float32 (the hidden layers of an MNIST net) runs the same rule as loops behind {@code engine.kernel}
 * ({@link org.backproplab.engine.kernel.FloatOps#relu}, {@link org.backproplab.engine.kernel.FloatOps#reluBackward}),
 * with the same kink and the same bits.
 */
public final class Unary implements Op {

    /** The table of functions: value and derivative side by side. */
    public enum Kind {
        NEG("neg") {
            double f(double x, double p) { return -x; }
            double df(double x, double y, double p) { return -1; }
            String derivative() { return "−1"; }
        },
        EXP("exp") {
            double f(double x, double p) { return Math.exp(x); }
            double df(double x, double y, double p) { return y; }
            String derivative() { return "exp(x)"; }
        },
        LOG("log") {
            double f(double x, double p) { return Math.log(x); }
            double df(double x, double y, double p) { return 1 / x; }
            String derivative() { return "1 / x"; }
        },
        SIN("sin") {
            double f(double x, double p) { return Math.sin(x); }
            double df(double x, double y, double p) { return Math.cos(x); }
            String derivative() { return "cos(x)"; }
        },
        COS("cos") {
            double f(double x, double p) { return Math.cos(x); }
            double df(double x, double y, double p) { return -Math.sin(x); }
            String derivative() { return "−sin(x)"; }
        },
        SQRT("sqrt") {
            double f(double x, double p) { return Math.sqrt(x); }
            double df(double x, double y, double p) { return 0.5 / y; }
            String derivative() { return "1 / (2·√x)"; }
        },
        ABS("abs") {
            double f(double x, double p) { return Math.abs(x); }
            double df(double x, double y, double p) { return x > 0 ? 1 : x < 0 ? -1 : 0; }
            String derivative() { return "sign(x)"; }
        },
        TANH("tanh") {
            double f(double x, double p) { return Math.tanh(x); }
            double df(double x, double y, double p) { return 1 - y * y; }
            String derivative() { return "1 − y²"; }
        },
        SIGMOID("sigmoid") {
            double f(double x, double p) {
                // Two forms so that exp never overflows.
                if (x >= 0) {
                    return 1 / (1 + Math.exp(-x));
                }
                double e = Math.exp(x);
                return e / (1 + e);
            }
            double df(double x, double y, double p) { return y * (1 - y); }
            String derivative() { return "y·(1 − y)"; }
        },
        RELU("relu") {
            double f(double x, double p) { return Math.max(x, 0); }
            double df(double x, double y, double p) { return x > 0 ? 1 : 0; }
            String derivative() { return "1 if x > 0, else 0"; }
        },
        LEAKY_RELU("leaky_relu") {
            double f(double x, double p) { return x > 0 ? x : p * x; }
            double df(double x, double y, double p) { return x > 0 ? 1 : p; }
            String derivative() { return "1 if x > 0, else slope"; }
        },
        POW("pow") {
            double f(double x, double p) { return p == 2 ? x * x : Math.pow(x, p); }
            double df(double x, double y, double p) { return p == 2 ? 2 * x : p * Math.pow(x, p - 1); }
            String derivative() { return "p·x^(p−1)"; }
        };

        private final String opName;

        Kind(String opName) {
            this.opName = opName;
        }

        abstract double f(double x, double p);

        abstract double df(double x, double y, double p);

        abstract String derivative();

        public String opName() {
            return opName;
        }

        /** y = f(x) as a new node. */
        public Tensor on(Tensor x) {
            if (this == POW || this == LEAKY_RELU) {
                throw new IllegalArgumentException(opName + " needs its parameter: on(x, p)");
            }
            return Tensor.compute(new Unary(this, 0), x.rows(), x.cols(), x);
        }

        /** y = f(x; p) as a new node, for pow (exponent) and leaky_relu (slope). */
        public Tensor on(Tensor x, double p) {
            return Tensor.compute(new Unary(this, p), x.rows(), x.cols(), x);
        }

        /** The plain function, for code that checks the engine against it. */
        public double apply(double x, double p) {
            return f(x, p);
        }
    }

    private final Kind kind;
    private final double p;

    private Unary(Kind kind, double p) {
        this.kind = kind;
        this.p = p;
    }

    public Kind kind() {
        return kind;
    }

    /** The constant parameter: pow's exponent or leaky_relu's slope. */
    public double parameter() {
        return p;
    }

    @Override
    public String name() {
        return kind.opName;
    }

    @Override
    public String formula(List<String> inputs) {
        String x = inputs.get(0);
        return switch (kind) {
            case NEG -> "−" + x;
            case POW -> x + "^" + Numbers.format(p);
            case LEAKY_RELU -> "leaky_relu(" + x + ", " + Numbers.format(p) + ")";
            default -> kind.opName + "(" + x + ")";
        };
    }

    @Override
    public void forward(Tensor out) {
        Buffer x = out.inputs().get(0).value();
        Buffer y = out.value();
        if (kind == Kind.RELU && x.dtype() == DType.F32) {
            Kernels.floatOps().relu(F32Buffer.floats(x), F32Buffer.floats(y)); // the hidden layers' activation
            return;
        }
        for (int i = 0; i < y.length(); i++) {
            y.set(i, kind.f(x.get(i), p));
        }
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Buffer x = out.inputs().get(0).value();
        Buffer y = out.value();
        Buffer g = out.grad();
        if (kind == Kind.RELU && x.dtype() == DType.F32) {
            Kernels.floatOps().reluBackward(F32Buffer.floats(x), F32Buffer.floats(g), F32Buffer.floats(dst));
            return;
        }
        for (int i = 0; i < dst.length(); i++) {
            dst.set(i, g.get(i) * kind.df(x.get(i), y.get(i), p));
        }
    }

    /** Forward mode: ẏ = f′(x) · ẋ, element by element, with the same f′ as backward. */
    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Buffer x = out.inputs().get(0).value();
        Buffer y = out.value();
        Buffer dx = inputTangents.get(0);
        for (int i = 0; i < dst.length(); i++) {
            dst.set(i, kind.df(x.get(i), y.get(i), p) * dx.get(i));
        }
    }

    /** Every element gets g·f′, so nothing needs clearing first. */
    @Override
    public boolean backwardOverwrites(Tensor out, int index) {
        return true;
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        Buffer x = out.inputs().get(0).value();
        Buffer y = out.value();
        double[] d = new double[y.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = kind.df(x.get(i), y.get(i), p);
        }
        String formula = kind.derivative().replace("slope", Numbers.format(p)).replace("p·", Numbers.format(p) + "·")
                .replace("(p−1)", "(" + Numbers.format(p - 1) + ")");
        return LocalDerivative.elementwise(formula, new Snapshot(out.rows(), out.cols(), d));
    }
}
