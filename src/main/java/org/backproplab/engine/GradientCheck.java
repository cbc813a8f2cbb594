package org.backproplab.engine;

import java.util.List;

/**
 * The numeric gradient check: each element of a leaf is nudged by ±h, the graph recomputed, and the
 * central difference (L(x+h) − L(x−h)) / 2h compared with what backward computed. Works in float64 only,
 * where h = 1e-6 leaves errors near 1e-10. A non-scalar output is checked as the sum of its elements,
 * which is what {@link Graph#backward()} seeds.
 *
 * <p>The check leaves the graph as backward leaves it: values recomputed from unchanged leaves, and each
 * leaf's gradient equal to one backward pass (any earlier accumulation is cleared).
 */
public final class GradientCheck {

    public static final double DEFAULT_STEP = 1e-6;

    /** The analytic and numeric gradients of one leaf and their largest relative difference. */
    public record Result(Tensor wrt, Snapshot analytic, Snapshot numeric, double maxRelativeError) {

        public boolean passes(double tolerance) {
            return maxRelativeError < tolerance;
        }
    }

    private GradientCheck() {
    }

    /** Checks the gradient of the graph's output with respect to every leaf that requires one. */
    public static List<Result> checkAll(Graph graph) {
        return graph.leaves().stream().filter(Tensor::requiresGrad).map(t -> check(graph, t, DEFAULT_STEP)).toList();
    }

    public static Result check(Graph graph, Tensor wrt) {
        return check(graph, wrt, DEFAULT_STEP);
    }

    public static Result check(Graph graph, Tensor wrt, double h) {
        if (wrt.dtype() != DType.F64) {
            throw new IllegalArgumentException("gradient check needs float64; " + wrt.label() + " is " + wrt.dtype());
        }
        if (!wrt.isLeaf()) {
            throw new IllegalArgumentException("gradient check nudges leaves; " + wrt.label() + " is computed");
        }
        graph.forward();
        graph.zeroGrad();
        graph.backward();
        Snapshot analytic = wrt.gradSnapshot();
        double[] numeric = new double[wrt.size()];
        Buffer v = wrt.value();
        for (int i = 0; i < numeric.length; i++) {
            double original = v.get(i);
            v.set(i, original + h);
            graph.forward();
            double plus = total(graph.output());
            v.set(i, original - h);
            graph.forward();
            double minus = total(graph.output());
            v.set(i, original);
            numeric[i] = (plus - minus) / (2 * h);
        }
        graph.forward();
        Snapshot num = new Snapshot(wrt.rows(), wrt.cols(), numeric);
        double worst = 0;
        for (int i = 0; i < numeric.length; i++) {
            worst = Math.max(worst, relativeError(analytic.values()[i], numeric[i]));
        }
        return new Result(wrt, analytic, num, worst);
    }

    private static double total(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            s += t.value().get(i);
        }
        return s;
    }

    /**
     * |a − n| / max(|a|, |n|), the CS231n measure; where both are below 1e-10 (a gradient that is zero up
     * to rounding) the absolute difference is returned instead, so that noise around zero does not fail.
     */
    public static double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        double diff = Math.abs(analytic - numeric);
        return scale < 1e-10 ? diff : diff / scale;
    }
}
