package org.backproplab.engine;

import java.util.List;
import java.util.Map;

/**
 * Softmax and cross-entropy fused, for numerical stability: L = −(1/R) Σ_r Σ_c t[r,c] · log softmax(x)[r,c],
 * the mean over the R rows of a batch, with log softmax computed as x − max − log Σ exp(x − max).
 * Backward: ∂L/∂x = (softmax(x) · Σ_c t − t) / R, which is (p − t) / R for one-hot rows;
 * ∂L/∂t = −log softmax(x) / R. Forward mode: L̇ = Σ ∂L/∂x ⊙ ẋ + Σ ∂L/∂t ⊙ ṫ, those same two gradients taken as
 * row vectors against the inputs' tangents.
 */
public final class CrossEntropy implements Op {

    private double[] probabilities;
    private double[] logSumExp;
    private float[] exps;

    private CrossEntropy() {
    }

    /** The mean cross-entropy of softmax(logits) against target rows (one-hot, or any distribution). */
    public static Tensor of(Tensor logits, Tensor targets) {
        if (!logits.sameShape(targets)) {
            throw new ShapeException("cross_entropy: logits " + logits.shape() + " and targets " + targets.shape()
                    + " — shapes differ");
        }
        return Tensor.compute(new CrossEntropy(), 1, 1, logits, targets);
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public String formula(List<String> inputs) {
        return "cross_entropy(softmax(" + inputs.get(0) + "), " + inputs.get(1) + ")";
    }

    @Override
    public void forward(Tensor out) {
        Tensor x = out.inputs().get(0);
        Buffer t = out.inputs().get(1).value();
        if (probabilities == null) {
            probabilities = new double[x.size()];
            logSumExp = new double[x.rows()];
            exps = Softmax.scratchFor(x);
        }
        Softmax.probabilities(x, probabilities, logSumExp, exps);
        double loss = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double ti = t.get(i);
            if (ti != 0) {
                loss -= ti * (x.value().get(i) - logSumExp[i / x.cols()]);
            }
        }
        out.value().set(0, loss / x.rows());
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Tensor x = out.inputs().get(0);
        Buffer t = out.inputs().get(1).value();
        int cols = x.cols();
        double scale = out.grad().get(0) / x.rows();
        for (int r = 0; r < x.rows(); r++) {
            if (index == 0) {
                double targetSum = 0;
                for (int c = 0; c < cols; c++) {
                    targetSum += t.get(r * cols + c);
                }
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    dst.set(i, scale * (probabilities[i] * targetSum - t.get(i)));
                }
            } else {
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    dst.set(i, -scale * (x.value().get(i) - logSumExp[r]));
                }
            }
        }
    }

    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Tensor x = out.inputs().get(0);
        Buffer t = out.inputs().get(1).value();
        Buffer dx = inputTangents.get(0);
        Buffer dt = inputTangents.get(1);
        int cols = x.cols();
        double sum = 0;
        for (int r = 0; r < x.rows(); r++) {
            double targetSum = 0;
            for (int c = 0; c < cols; c++) {
                targetSum += t.get(r * cols + c);
            }
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                double logP = x.value().get(i) - logSumExp[r];
                sum += (probabilities[i] * targetSum - t.get(i)) * dx.get(i) - logP * dt.get(i);
            }
        }
        dst.set(0, sum / x.rows());
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        int rows = out.inputs().get(0).rows();
        return LocalDerivative.formula(index == 0 ? "(softmax(x) − t) / " + rows + " for one-hot rows"
                : "−log softmax(x) / " + rows);
    }

    @Override
    public Map<String, Snapshot> saved() {
        return probabilities == null ? Map.of() : Map.of("probabilities",
                new Snapshot(logSumExp.length, probabilities.length / logSumExp.length, probabilities));
    }
}
