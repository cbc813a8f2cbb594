package org.backproplab.ui.gradflow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.backproplab.nn.Activation;
import org.backproplab.nn.GradientFlow;

/**
 * The axes the lab's charts share, so that two configurations side by side are read on the same scales: one log
 * scale for the gradient norms (bars and heat map alike), one for the update ratios (always holding the 1e-3 guide),
 * one for the global norm, one loss range, one step range, and one histogram range per activation. Axes only grow
 * while a run goes on, so that a chart does not jump at every step; {@link #reset()} starts them afresh.
 */
public final class SharedAxes {

    /** The guide line of the update ratio: a common rule of thumb for a healthy learning rate. */
    public static final double RATIO_GUIDE = 1e-3;

    /**
     * The current axes.
     *
     * @param lossMax  the top of the loss axis (which starts at 0)
     * @param stepMax  the right end of the step axis (which starts at 0)
     */
    public record Axes(LogScale gradient, LogScale ratio, LogScale norm, double lossMax, int stepMax) {
    }

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
            norm = union(norm, exponentScale(r.normBefore()));
            norm = union(norm, exponentScale(r.normAfter()));
            for (double v : r.loss().values()) {
                loss = Double.isFinite(v) ? Math.max(loss, v) : loss;
            }
            steps = Math.max(steps, r.loss().lastStep());
        }
        Axes next = new Axes(orEmpty(gradient), ratio, orEmpty(norm), Histogram.nice(Math.max(loss, 1e-9)),
                niceSteps(steps));
        if (axes != null) {
            next = new Axes(axes.gradient.union(next.gradient), axes.ratio.union(next.ratio), axes.norm.union(next.norm),
                    Math.max(axes.lossMax, next.lossMax), Math.max(axes.stepMax, next.stepMax));
        }
        axes = next;
        return next;
    }

    /**
     * The x range of the histograms of one activation, over the hidden layers of every run that uses it; it too only
     * grows.
     */
    public double[] histogramRange(Activation.Kind kind, List<RunHistory.Snapshot> runs) {
        double min = 0;
        double max = 0;
        for (RunHistory.Snapshot r : runs) {
            if (r.latest() == null || r.config().activation() != kind) {
                continue;
            }
            List<GradientFlow.LayerStats> layers = r.latest().layers();
            for (int l = 0; l < layers.size() - 1; l++) { // hidden layers only: the last one's are logits
                for (float v : layers.get(l).activations()) {
                    if (Float.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        double[] range = Histogram.range(kind, min, max);
        double[] before = histogramRanges.get(kind);
        if (before != null) {
            range = new double[] {Math.min(before[0], range[0]), Math.max(before[1], range[1])};
        }
        histogramRanges.put(kind, range);
        return range.clone();
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

    private static LogScale orEmpty(LogScale s) {
        return s == null ? LogScale.EMPTY : s;
    }
}
