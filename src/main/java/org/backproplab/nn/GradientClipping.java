package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.Buffer;
import org.backproplab.engine.Tensor;

/**
 * Gradient clipping, the cure for exploding gradients: by value (each element into [−c, c]) or by global
 * norm (all gradients scaled by max_norm / ‖g‖ when ‖g‖ exceeds max_norm, ‖g‖ over every parameter at once).
 * Both report the global norm before and after.
 */
public final class GradientClipping {

    /** The global gradient norm ‖g‖₂ over all parameters, before and after clipping. */
    public record Report(double normBefore, double normAfter) {
        public boolean clipped() {
            return normAfter != normBefore;
        }
    }

    private GradientClipping() {
    }

    public static double globalNorm(List<Tensor> parameters) {
        double sq = 0;
        for (Tensor p : parameters) {
            Buffer g = p.grad();
            for (int i = 0; i < g.length(); i++) {
                double v = g.get(i);
                sq += v * v;
            }
        }
        return Math.sqrt(sq);
    }

    public static Report byValue(List<Tensor> parameters, double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("the clipping value must be positive, got " + limit);
        }
        double before = globalNorm(parameters);
        for (Tensor p : parameters) {
            Buffer g = p.grad();
            for (int i = 0; i < g.length(); i++) {
                double v = g.get(i);
                if (v > limit) {
                    g.set(i, limit);
                } else if (v < -limit) {
                    g.set(i, -limit);
                }
            }
        }
        return new Report(before, globalNorm(parameters));
    }

    public static Report byGlobalNorm(List<Tensor> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("the maximum norm must be positive, got " + maxNorm);
        }
        double before = globalNorm(parameters);
        if (before <= maxNorm || !Double.isFinite(before)) {
            return new Report(before, before);
        }
        double scale = maxNorm / before;
        for (Tensor p : parameters) {
            Buffer g = p.grad();
            for (int i = 0; i < g.length(); i++) {
                g.set(i, g.get(i) * scale);
            }
        }
        return new Report(before, globalNorm(parameters));
    }
}
