package org.backproplab.ui.gradflow;

import org.backproplab.labs.GradientFlow;

/**
 * What one configuration has done so far: its latest measurement, the loss and the global gradient norm before and
 * after clipping over the steps, the heat map of every layer's gradient norm, and where it overflowed, if it did.
 * The training thread records into it; the UI takes {@link #snapshot()}s, independent copies, at its own pace.
 */
public final class RunHistory {

    /** Points per curve and columns of the heat map, however long the run. */
    public static final int CAPACITY = 300;

    /** Where values stopped being finite: the layer (from 1, input side), the step, in what ("activations", …). */
    public record Overflow(int layer, int step, String in, boolean atInitialisation) {
    }

    /**
     * The history as it was at one moment. Curves of the global norm hold log10 of the norms.
     *
     * @param latest the last measurement (step 0 is the one at initialisation); null before the first
     * @param steps  updates made
     */
    public record Snapshot(GradientFlow.Config config, GradientFlow.StepStats latest, int steps, Series loss,
                           Series normBefore, Series normAfter, HeatMap heat, Overflow overflow) {
    }

    private final GradientFlow.Config config;
    private final Series loss = new Series(CAPACITY);
    private final Series normBefore = new Series(CAPACITY);
    private final Series normAfter = new Series(CAPACITY);
    private final HeatMap heat;
    private GradientFlow.StepStats latest;
    private int steps;
    private Overflow overflow;

    public RunHistory(GradientFlow.Config config) {
        this.config = config;
        this.heat = new HeatMap(config.depth(), CAPACITY);
    }

    /** Takes in a measurement: the one at initialisation ({@code initial}) or a training step's. */
    public synchronized void record(GradientFlow.StepStats s, boolean initial) {
        GradientFlow.NonFinite bad = s.nonFinite();
        int at = initial ? 0 : bad != null ? bad.step() : s.step();
        latest = s;
        steps = initial ? 0 : s.step();
        loss.add(at, s.loss());
        normBefore.add(at, HeatMap.exponent(s.gradNormBeforeClip()));
        normAfter.add(at, HeatMap.exponent(s.gradNormAfterClip()));
        double[] norms = new double[s.layers().size()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = s.layers().get(l).weightGradNorm();
        }
        heat.add(at, norms);
        if (bad != null && overflow == null) {
            overflow = new Overflow(bad.layer(), initial ? 0 : bad.step(), bad.in(), initial);
        }
    }

    public synchronized boolean overflowed() {
        return overflow != null;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(config, latest, steps, loss.copy(), normBefore.copy(), normAfter.copy(), heat.copy(),
                overflow);
    }
}
