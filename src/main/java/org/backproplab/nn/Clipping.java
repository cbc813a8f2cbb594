package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.Tensor;

/**
 * How a training step clips the gradients before the update (the cure for exploding gradients): not at all, to a
 * largest global norm, or each element to a largest absolute value. Written {@code none}, {@code norm} or
 * {@code value} on the command line and in model files, with the threshold beside it.
 */
public sealed interface Clipping {

    /** The written name: none, norm or value. */
    default String id() {
        return mode().id();
    }

    /** Which kind of clipping, without its threshold (what a form's choice holds). */
    Mode mode();

    /** The largest norm or value; 0 for {@link None}. */
    double threshold();

    /**
     * Clips the parameters' gradients in place and reports the global norm before and after; null for {@link None},
     * which measures nothing, so that a step no one clips costs nothing.
     */
    GradientClipping.Report apply(List<Tensor> parameters);

    /** The kinds of clipping, as a form offers them; {@link #with} adds the threshold. */
    enum Mode {
        NONE, VALUE, NORM;

        /** The written name: none, value or norm. */
        public String id() {
            return Ids.of(this);
        }

        /** This kind with its threshold (ignored for {@link #NONE}). */
        public Clipping with(double threshold) {
            return switch (this) {
                case NONE -> Clipping.NONE;
                case VALUE -> new ByValue(threshold);
                case NORM -> new ByNorm(threshold);
            };
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** No clipping. */
    record None() implements Clipping {
        public Mode mode() { return Mode.NONE; }
        public double threshold() { return 0; }
        public GradientClipping.Report apply(List<Tensor> parameters) { return null; }
    }

    /** All gradients scaled down together when their global norm exceeds {@code maxNorm}. */
    record ByNorm(double maxNorm) implements Clipping {
        public ByNorm {
            checkPositive(maxNorm);
        }

        public Mode mode() { return Mode.NORM; }
        public double threshold() { return maxNorm; }

        public GradientClipping.Report apply(List<Tensor> parameters) {
            return GradientClipping.byGlobalNorm(parameters, maxNorm);
        }
    }

    /** Each gradient element put into [−limit, limit]. */
    record ByValue(double limit) implements Clipping {
        public ByValue {
            checkPositive(limit);
        }

        public Mode mode() { return Mode.VALUE; }
        public double threshold() { return limit; }

        public GradientClipping.Report apply(List<Tensor> parameters) {
            return GradientClipping.byValue(parameters, limit);
        }
    }

    Clipping NONE = new None();

    /**
     * Reads a mode and its threshold as written: {@code none} (the threshold is then ignored), {@code norm} or
     * {@code value} with a positive threshold.
     */
    static Clipping parse(String mode, double threshold) {
        return Ids.find(Mode.values(), Mode::id, mode).orElseThrow(() -> new IllegalArgumentException(
                "clip is none, norm or value, not '" + mode + "'")).with(threshold);
    }

    private static void checkPositive(double threshold) {
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the clipping threshold must be a positive number, got " + threshold);
        }
    }
}
