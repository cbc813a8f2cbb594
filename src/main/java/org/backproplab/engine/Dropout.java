package org.backproplab.engine;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backproplab.engine.kernel.Kernels;

/**
 * Inverted dropout: while training, each element is kept with probability 1 − p and scaled by 1/(1 − p),
 * so that evaluation, which passes x through unchanged, sees the same expected values. Backward lets the
 * gradient through exactly where the mask kept the element, scaled the same way, and forward mode the tangent.
 */
public final class Dropout implements Op {

    /** The rate, the seeded generator and the mode, shared by a layer and the nodes it makes. */
    public static final class Settings {
        private final double rate;
        private final Random rng;
        private boolean training = true;
        private boolean frozen;

        public Settings(double rate, Random rng) {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
            }
            this.rate = rate;
            this.rng = rng;
        }

        public double rate() { return rate; }
        public boolean isTraining() { return training; }
        public void setTraining(boolean training) { this.training = training; }

        /** Keeps the current masks on later passes (for a gradient check, or to step one example). */
        public void setFrozen(boolean frozen) { this.frozen = frozen; }
    }

    private final Settings settings;
    private float[] mask;
    private boolean maskedLast;

    private Dropout(Settings settings) {
        this.settings = settings;
    }

    public static Tensor of(Tensor x, Settings settings) {
        return Tensor.compute(new Dropout(settings), x.rows(), x.cols(), x);
    }

    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public void forward(Tensor out) {
        Buffer x = out.inputs().get(0).value();
        Buffer y = out.value();
        maskedLast = settings.training && settings.rate > 0;
        if (!maskedLast) {
            y.copyFrom(x);
            return;
        }
        if (mask == null || !settings.frozen) {
            if (mask == null) {
                mask = new float[x.length()];
            }
            float keep = (float) (1 / (1 - settings.rate));
            for (int i = 0; i < mask.length; i++) {
                mask[i] = settings.rng.nextDouble() < settings.rate ? 0f : keep;
            }
        }
        if (y.dtype() == DType.F32) {
            Kernels.floatOps().multiply(F32Buffer.floats(x), mask, F32Buffer.floats(y));
        } else {
            for (int i = 0; i < y.length(); i++) {
                y.set(i, x.get(i) * mask[i]);
            }
        }
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Buffer g = out.grad();
        if (!maskedLast) {
            dst.copyFrom(g);
            return;
        }
        if (dst.dtype() == DType.F32) {
            Kernels.floatOps().multiply(F32Buffer.floats(g), mask, F32Buffer.floats(dst));
        } else {
            for (int i = 0; i < dst.length(); i++) {
                dst.set(i, g.get(i) * mask[i]);
            }
        }
    }

    /** ẏ = ẋ ⊙ mask, with the mask this pass drew (or ẋ itself in evaluation). */
    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Buffer dx = inputTangents.get(0);
        for (int i = 0; i < dst.length(); i++) {
            dst.set(i, maskedLast ? dx.get(i) * mask[i] : dx.get(i));
        }
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = maskedLast ? mask[i] : 1;
        }
        return LocalDerivative.elementwise(maskedLast ? "mask / (1 − p)" : "1 (evaluation: no dropout)",
                new Snapshot(out.rows(), out.cols(), d));
    }

    @Override
    public Map<String, Snapshot> saved() {
        if (mask == null) {
            return Map.of();
        }
        double[] d = new double[mask.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = mask[i];
        }
        return Map.of("mask", new Snapshot(1, d.length, d));
    }
}
