package org.backproplab.engine;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.kernel.Kernels;

/**
 * Row-wise softmax, y = exp(x − max) / Σ exp(x − max), and log-softmax, y = x − max − log Σ exp(x − max);
 * subtracting the row's maximum keeps exp from overflowing. Backward per row:
 * softmax: ∂L/∂x = y ⊙ (g − Σ g·y); log-softmax: ∂L/∂x = g − softmax(x) · Σ g.
 * Forward mode per row, with p = softmax(x): softmax: ẏ = p ⊙ (ẋ − Σ p·ẋ); log-softmax: ẏ = ẋ − Σ p·ẋ.
 */
public final class Softmax implements Op {

    private final boolean log;
    /** The row-wise probabilities, kept for backward. */
    private double[] probabilities;
    private double[] logSumExp;
    private float[] exps;
    private int rows;
    private int cols;

    private Softmax(boolean log) {
        this.log = log;
    }

    public static Tensor of(Tensor x) {
        return Tensor.compute(new Softmax(false), x.rows(), x.cols(), x);
    }

    public static Tensor log(Tensor x) {
        return Tensor.compute(new Softmax(true), x.rows(), x.cols(), x);
    }

    @Override
    public String name() {
        return log ? "log_softmax" : "softmax";
    }

    /**
     * Writes the probabilities of each row of x into p and log Σ exp(x − max) + max of each row into logSumExp;
     * both arrays belong to the node, so a training step allocates nothing here.
     */
    static void probabilities(Tensor x, double[] p, double[] logSumExp, float[] exps) {
        Buffer v = x.value();
        int cols = x.cols();
        if (v instanceof F32Buffer f) {
            // float32 logits as numpy computes them: x − max and exp in float32 (see FloatOps#softmaxRows)
            Kernels.floatOps().softmaxRows(f.array(), x.rows(), cols, p, logSumExp, exps);
            return;
        }
        for (int r = 0; r < x.rows(); r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, v.get(r * cols + c));
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double e = Math.exp(v.get(r * cols + c) - max);
                p[r * cols + c] = e;
                sum += e;
            }
            for (int c = 0; c < cols; c++) {
                p[r * cols + c] /= sum;
            }
            logSumExp[r] = max + Math.log(sum);
        }
    }

    /** Float scratch for {@link #probabilities} when x is float32, else null. */
    static float[] scratchFor(Tensor x) {
        return x.dtype() == DType.F32 ? new float[x.size()] : null;
    }

    @Override
    public void forward(Tensor out) {
        Tensor x = out.inputs().get(0);
        if (probabilities == null) {
            probabilities = new double[x.size()];
            logSumExp = new double[x.rows()];
            exps = scratchFor(x);
            rows = x.rows();
            cols = x.cols();
        }
        probabilities(x, probabilities, logSumExp, exps);
        for (int i = 0; i < probabilities.length; i++) {
            out.value().set(i, log ? x.value().get(i) - logSumExp[i / x.cols()] : probabilities[i]);
        }
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Buffer g = out.grad();
        int cols = out.cols();
        for (int r = 0; r < out.rows(); r++) {
            double dot = 0;
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                dot += log ? g.get(i) : g.get(i) * probabilities[i];
            }
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                double p = probabilities[i];
                dst.set(i, log ? g.get(i) - p * dot : p * (g.get(i) - dot));
            }
        }
    }

    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Buffer dx = inputTangents.get(0);
        int cols = out.cols();
        for (int r = 0; r < out.rows(); r++) {
            double dot = 0;
            for (int c = 0; c < cols; c++) {
                dot += probabilities[r * cols + c] * dx.get(r * cols + c);
            }
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                dst.set(i, log ? dx.get(i) - dot : probabilities[i] * (dx.get(i) - dot));
            }
        }
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        return LocalDerivative.formula(log ? "∂L/∂x = g − softmax(x) · Σ g, row by row"
                : "∂L/∂x = y ⊙ (g − Σ g·y), row by row (the Jacobian diag(y) − y·yᵀ applied to g)");
    }

    @Override
    public Map<String, Snapshot> saved() {
        return probabilities == null ? Map.of() : Map.of("probabilities", new Snapshot(rows, cols, probabilities));
    }
}
