package org.backproplab.ui.gradflow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.backproplab.nn.Activation;
import org.backproplab.labs.GradientFlow;

/**
 * The axes the lab's charts share, so that two configurations side by side are read on the same scales: one log
 * scale for the gradient norms (bars and heat map alike), one for the update ratios (always holding the 1e-3 guide),
 * one for the global norm, one loss range, one step range, and one histogram range per activation. Axes only grow
 * while a run goes on, so that a chart does not jump at every step; {@link #reset()} starts them afresh.
 */
public final class SharedAxes {

    /** The guide line of the update ratio: a common rule of thumb for a healthy learning rate. */
    public static final double RATIO_GUIDE = 1e-3;
    /** The fewest decades a gradient-norm axis spans. */
    public static final int MIN_DECADES = 4;

    /**
     * The current axes.
     *
     * @param lossMax  the top of the loss axis (which starts at 0)
     * @param stepMax  the right end of the step axis (which starts at 0)
     * @param factor   the backward factors' axis, which always holds 10⁻¹ … 10¹ so that 1 is seen as such
     */
    public record Axes(LogScale gradient, LogScale ratio, LogScale norm, double lossMax, int stepMax, LogScale factor) {
    }

    private static final LogScale FACTOR = new LogScale(-1, 1);

    private Axes axes;
    private final Map<Activation.Kind, double[]> histogramRanges = new EnumMap<>(Activation.Kind.class);

    public void reset() {
        axes = null;
        histogramRanges.clear();
    }

    /** Takes in the runs as they are now; returns the axes that hold them and everything before. */
    public Axes update(List<RunHistory.Snapshot> runs) {
        LogScale gradient = null;
        LogScale ratio = LogScale.covering(RATIO_GUIDE / 100, RATIO_GUIDE * 100); // the guide mid-way
        LogScale norm = null;
        LogScale factor = FACTOR;
        double loss = 0;
        int steps = 0;
        for (RunHistory.Snapshot r : runs) {
            GradientFlow.StepStats s = r.latest();
            if (s == null) {
                continue;
            }
            double[] grads = s.layers().stream().mapToDouble(GradientFlow.LayerStats::weightGradNorm).toArray();
            double[] ratios = s.layers().stream().mapToDouble(GradientFlow.LayerStats::updateRatio).toArray();
            gradient = union(gradient, LogScale.holding(grads));
            double[] heat = r.heat().exponentRange();
            if (heat != null) {
                gradient = union(gradient, LogScale.ofExponents(heat[0], heat[1]));
            }
            ratio = union(ratio, LogScale.holding(ratios));
            factor = union(factor, LogScale.holding(GradientFlow.backwardFactors(s).stream()
                    .mapToDouble(Double::doubleValue).toArray()));
            norm = union(norm, exponentScale(r.normBefore()));
            norm = union(norm, exponentScale(r.normAfter()));
            for (double v : r.loss().values()) {
                loss = Double.isFinite(v) ? Math.max(loss, v) : loss;
            }
            steps = Math.max(steps, r.loss().lastStep());
        }
        Axes next = new Axes(wide(orEmpty(gradient)), ratio, wide(orEmpty(norm)), lossTop(loss),
                niceSteps(steps), factor);
        if (axes != null) {
            next = new Axes(axes.gradient.union(next.gradient), axes.ratio.union(next.ratio), axes.norm.union(next.norm),
                    Math.max(axes.lossMax, next.lossMax), Math.max(axes.stepMax, next.stepMax),
                    axes.factor.union(next.factor));
        }
        axes = next;
        return next;
    }

    /**
     * The x range of the histograms of one activation, over the hidden layers of every run that uses it: for ReLU
     * and Leaky ReLU up to the largest value, or to 4 standard deviations beyond a layer's mean if that is less (a
     * long thin tail would squeeze the rest into one bin; what lies beyond goes to the end bin). It too only grows.
     */
    public double[] histogramRange(Activation.Kind kind, List<RunHistory.Snapshot> runs) {
        double min = 0;
        double max = 0;
        double spreadMin = 0;
        double spreadMax = 0;
        for (RunHistory.Snapshot r : runs) {
            if (r.latest() == null || r.config().activation() != kind) {
                continue;
            }
            List<GradientFlow.LayerStats> layers = r.latest().layers();
            for (int l = 0; l < layers.size() - 1; l++) { // hidden layers only: the last one's are logits
                GradientFlow.LayerStats s = layers.get(l);
                for (float v : s.activations()) {
                    if (Float.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                if (Double.isFinite(s.activationMean()) && Double.isFinite(s.activationStd())) {
                    spreadMin = Math.min(spreadMin, s.activationMean() - 4 * s.activationStd());
                    spreadMax = Math.max(spreadMax, s.activationMean() + 4 * s.activationStd());
                }
            }
        }
        min = Math.max(min, spreadMin);
        max = Math.min(max, spreadMax);
        double[] range = Histogram.range(kind, min, max);
        double[] before = histogramRanges.get(kind);
        if (before != null) {
            range = new double[] {Math.min(before[0], range[0]), Math.max(before[1], range[1])};
        }
        histogramRanges.put(kind, range);
        return range.clone();
    }

    /** The top of the loss axis: the loss rounded up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k. */
    static double lossTop(double loss) {
        if (!(loss > 0) || !Double.isFinite(loss)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(loss)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= loss * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** The step axis: at least 10, else 1, 2 or 5 × 10^k at or above the last step. */
    static int niceSteps(int last) {
        return (int) Math.max(10, Histogram.nice(last));
    }

    private static LogScale exponentScale(Series exponents) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double e : exponents.values()) {
            if (Double.isFinite(e)) {
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        return lo > hi ? null : LogScale.ofExponents(lo, hi);
    }

    private static LogScale union(LogScale a, LogScale b) {
        return a == null ? b : b == null ? a : a.union(b);
    }

    /**
     * At least {@value #MIN_DECADES} decades, extended downwards: on a narrower log axis small differences would look
     * like the vanishing gradients the lab is about.
     */
    static LogScale wide(LogScale s) {
        return s.decades() >= MIN_DECADES ? s : new LogScale(s.maxExponent() - MIN_DECADES, s.maxExponent());
    }

    private static LogScale orEmpty(LogScale s) {
        return s == null ? LogScale.EMPTY : s;
    }
}
