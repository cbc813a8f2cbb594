package org.backproplab.engine;

import java.util.List;

/**
 * The numeric gradient check: each element of a leaf is nudged by ±h and ±2h, the graph recomputed, and
 * the fourth-order central difference (8·(L(x+h) − L(x−h)) − (L(x+2h) − L(x−2h))) / 12h compared with what
 * backward computed. Works in float64 only. The fourth-order stencil lets h be 1e-3: its truncation error
 * (h⁴) stays far below rounding, and rounding (about 1e-16·|L| / h) stays near 1e-12, so even a gradient
 * element of 1e-5 is checked to better than 1e-6. A non-scalar output is checked as the sum of its
 * elements, which is what {@link Graph#backward()} seeds.
 *
 * <p>The check leaves the graph as backward leaves it: values recomputed from unchanged leaves, and each
 * leaf's gradient equal to one backward pass (any earlier accumulation is cleared).
 */
public final class GradientCheck {

    public static final double DEFAULT_STEP = 1e-3;

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
            double plus1 = totalAt(graph, v, i, original + h);
            double minus1 = totalAt(graph, v, i, original - h);
            double plus2 = totalAt(graph, v, i, original + 2 * h);
            double minus2 = totalAt(graph, v, i, original - 2 * h);
            v.set(i, original);
            numeric[i] = (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * h);
        }
        graph.forward();
        Snapshot num = new Snapshot(wrt.rows(), wrt.cols(), numeric);
        double worst = 0;
        for (int i = 0; i < numeric.length; i++) {
            worst = Math.max(worst, relativeError(analytic.values()[i], numeric[i]));
        }
        return new Result(wrt, analytic, num, worst);
    }

    private static double totalAt(Graph graph, Buffer v, int i, double x) {
        v.set(i, x);
        graph.forward();
        Tensor t = graph.output();
        double s = 0;
        for (int j = 0; j < t.size(); j++) {
            s += t.value().get(j);
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
