package org.backproplab.engine;

import java.util.List;

/**
 * Sum and mean of all elements, to a scalar. Backward spreads the upstream gradient (divided by n for mean); forward
 * mode sums the input's tangent (and divides by n for mean).
 */
public final class Reduce implements Op {

    /** Which reduction. */
    public enum Kind {
        SUM("sum"), MEAN("mean");

        private final String opName;

        Kind(String opName) {
            this.opName = opName;
        }

        public Tensor on(Tensor x) {
            return Tensor.compute(new Reduce(this), 1, 1, x);
        }
    }

    private final Kind kind;

    private Reduce(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.opName;
    }

    @Override
    public void forward(Tensor out) {
        Buffer x = out.inputs().get(0).value();
        double sum = 0;
        for (int i = 0; i < x.length(); i++) {
            sum += x.get(i);
        }
        out.value().set(0, kind == Kind.SUM ? sum : sum / x.length());
    }

    private double local(Tensor out) {
        return kind == Kind.SUM ? 1 : 1.0 / out.inputs().get(0).size();
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        double g = out.grad().get(0) * local(out);
        dst.fill(g);
    }

    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Buffer dx = inputTangents.get(0);
        double sum = 0;
        for (int i = 0; i < dx.length(); i++) {
            sum += dx.get(i);
        }
        dst.set(0, sum * local(out));
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        Tensor x = out.inputs().get(0);
        double[] d = new double[x.size()];
        java.util.Arrays.fill(d, local(out));
        return LocalDerivative.elementwise(kind == Kind.SUM ? "1 for every element" : "1/" + x.size()
                + " for every element", new Snapshot(x.rows(), x.cols(), d));
    }
}
