package org.backproplab.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalisation of each column: y = γ · x̂ + β with x̂ = (x − μ) / √(σ² + ε), ε = 1e-5.
 * In training mode μ and σ² are the batch's per-column mean and biased variance, and the running averages
 * move towards them (μ, and σ² made unbiased, as PyTorch does; momentum 0.1); in evaluation mode the running
 * averages are used instead. Backward in training mode, with g = ∂L/∂y and ĝ = g·γ, per column over R rows:
 * ∂L/∂x = (1/R) · (1/√(σ² + ε)) · (R·ĝ − Σ ĝ − x̂ · Σ ĝ·x̂); ∂L/∂γ = Σ g·x̂; ∂L/∂β = Σ g.
 * Forward mode, per column: ẏ = γ̇ · x̂ + γ · x̂̇ + β̇, where in training mode
 * x̂̇ = (1/√(σ² + ε)) · (ẋ − mean(ẋ) − x̂ · mean(x̂ · ẋ)) (the batch's μ and σ² move with x), and in evaluation mode
 * x̂̇ = ẋ / √(σ²_running + ε).
 */
public final class BatchNorm implements Op {

    public static final double EPSILON = 1e-5;

    /** Running averages and the mode switch, shared by a layer and the nodes it makes. */
    public static final class Statistics {
        private final double[] runningMean;
        private final double[] runningVar;
        private final double momentum;
        private boolean training = true;

        public Statistics(int columns, double momentum) {
            runningMean = new double[columns];
            runningVar = new double[columns];
            Arrays.fill(runningVar, 1.0);
            this.momentum = momentum;
        }

        public Statistics(int columns) {
            this(columns, 0.1);
        }

        public boolean isTraining() { return training; }
        public void setTraining(boolean training) { this.training = training; }
        public double[] runningMean() { return runningMean.clone(); }
        public double[] runningVar() { return runningVar.clone(); }

        /** Replaces the running averages (a model loaded from a file). */
        public void setRunning(double[] mean, double[] var) {
            System.arraycopy(mean, 0, runningMean, 0, runningMean.length);
            System.arraycopy(var, 0, runningVar, 0, runningVar.length);
        }
    }

    private final Statistics stats;
    private boolean trainedLast;
    private double[] mean;
    private double[] var;
    private double[] invStd;
    private double[] xhat;

    private BatchNorm(Statistics stats) {
        this.stats = stats;
    }

    /** Training-mode batch normalisation with statistics of its own (the lesson function). */
    public static Tensor training(Tensor x, Tensor gamma, Tensor beta) {
        return of(x, gamma, beta, new Statistics(x.cols()));
    }

    /** Batch normalisation in the mode that {@code stats} is in at each forward pass. */
    public static Tensor of(Tensor x, Tensor gamma, Tensor beta, Statistics stats) {
        for (Tensor p : new Tensor[] {gamma, beta}) {
            if (p.rows() != 1 || p.cols() != x.cols()) {
                throw new ShapeException("batchnorm: x " + x.shape() + " needs γ and β of [1x" + x.cols() + "], got "
                        + gamma.shape() + " and " + beta.shape());
            }
        }
        if (stats.runningMean.length != x.cols()) {
            throw new ShapeException("batchnorm: statistics for " + stats.runningMean.length + " columns, x is "
                    + x.shape());
        }
        return Tensor.compute(new BatchNorm(stats), x.rows(), x.cols(), x, gamma, beta);
    }

    @Override
    public String name() {
        return "batchnorm";
    }

    @Override
    public void forward(Tensor out) {
        Tensor x = out.inputs().get(0);
        Buffer xv = x.value();
        Buffer gamma = out.inputs().get(1).value();
        Buffer beta = out.inputs().get(2).value();
        int rows = x.rows();
        int cols = x.cols();
        if (mean == null) {
            mean = new double[cols];
            var = new double[cols];
            invStd = new double[cols];
            xhat = new double[x.size()];
        }
        trainedLast = stats.training;
        for (int c = 0; c < cols; c++) {
            if (trainedLast) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += xv.get(r * cols + c);
                }
                mean[c] = sum / rows;
                double sq = 0;
                for (int r = 0; r < rows; r++) {
                    double d = xv.get(r * cols + c) - mean[c];
                    sq += d * d;
                }
                var[c] = sq / rows;
                double m = stats.momentum;
                stats.runningMean[c] = (1 - m) * stats.runningMean[c] + m * mean[c];
                stats.runningVar[c] = (1 - m) * stats.runningVar[c] + m * (rows > 1 ? var[c] * rows / (rows - 1) : var[c]);
            } else {
                mean[c] = stats.runningMean[c];
                var[c] = stats.runningVar[c];
            }
            invStd[c] = 1 / Math.sqrt(var[c] + EPSILON);
            for (int r = 0; r < rows; r++) {
                int i = r * cols + c;
                xhat[i] = (xv.get(i) - mean[c]) * invStd[c];
                out.value().set(i, gamma.get(c) * xhat[i] + beta.get(c));
            }
        }
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Buffer g = out.grad();
        int rows = out.rows();
        int cols = out.cols();
        Buffer gamma = out.inputs().get(1).value();
        for (int c = 0; c < cols; c++) {
            double sumG = 0;
            double sumGX = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * cols + c;
                sumG += g.get(i);
                sumGX += g.get(i) * xhat[i];
            }
            switch (index) {
                case 0 -> {
                    double gm = gamma.get(c);
                    for (int r = 0; r < rows; r++) {
                        int i = r * cols + c;
                        double dx = trainedLast
                                ? gm * invStd[c] / rows * (rows * g.get(i) - sumG - xhat[i] * sumGX)
                                : gm * invStd[c] * g.get(i);
                        dst.set(i, dx);
                    }
                }
                case 1 -> dst.set(c, sumGX);
                default -> dst.set(c, sumG);
            }
        }
    }

    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Buffer gamma = out.inputs().get(1).value();
        Buffer dx = inputTangents.get(0);
        Buffer dGamma = inputTangents.get(1);
        Buffer dBeta = inputTangents.get(2);
        int rows = out.rows();
        int cols = out.cols();
        for (int c = 0; c < cols; c++) {
            double meanDx = 0;
            double meanXhatDx = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * cols + c;
                meanDx += dx.get(i) / rows;
                meanXhatDx += xhat[i] * dx.get(i) / rows;
            }
            for (int r = 0; r < rows; r++) {
                int i = r * cols + c;
                double dXhat = trainedLast ? invStd[c] * (dx.get(i) - meanDx - xhat[i] * meanXhatDx)
                        : invStd[c] * dx.get(i);
                dst.set(i, dGamma.get(c) * xhat[i] + gamma.get(c) * dXhat + dBeta.get(c));
            }
        }
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        return LocalDerivative.formula(switch (index) {
            case 0 -> trainedLast ? "γ/(R·√(σ² + ε)) · (R·g − Σ g − x̂ · Σ g·x̂), per column"
                    : "γ/√(σ²_running + ε) · g";
            case 1 -> "Σ over rows of g · x̂";
            default -> "Σ over rows of g";
        });
    }

    @Override
    public Map<String, Snapshot> saved() {
        if (mean == null) {
            return Map.of();
        }
        Map<String, Snapshot> m = new LinkedHashMap<>();
        m.put("mean μ", new Snapshot(1, mean.length, mean));
        m.put("variance σ²", new Snapshot(1, var.length, var));
        m.put("x̂", new Snapshot(xhat.length / mean.length, mean.length, xhat));
        return m;
    }
}
