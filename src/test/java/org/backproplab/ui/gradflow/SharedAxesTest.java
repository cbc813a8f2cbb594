package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backproplab.data.ToyData;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Examples;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

/** Two runs read on the same axes, which hold both and only grow. */
class SharedAxesTest {

    private static final Examples XOR = LabData.toy(ToyData.Kind.XOR, 3);

    @Test
    void theAxesHoldBothRuns() {
        RunHistory small = history(Activation.Kind.SIGMOID, Initializer.Scheme.SMALL, 3);
        RunHistory he = history(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM, 3);
        SharedAxes shared = new SharedAxes();
        SharedAxes.Axes axes = shared.update(List.of(small.snapshot(), he.snapshot()));
        for (RunHistory h : List.of(small, he)) {
            for (GradientFlow.LayerStats l : h.snapshot().latest().layers()) {
                double f = axes.gradient().fraction(l.weightGradNorm());
                assertTrue(f >= 0 && f <= 1);
                assertTrue(l.weightGradNorm() >= Math.pow(10, axes.gradient().minExponent()));
                assertTrue(l.weightGradNorm() <= Math.pow(10, axes.gradient().maxExponent()));
            }
        }
        SharedAxes.Axes alone = new SharedAxes().update(List.of(he.snapshot()));
        assertTrue(axes.gradient().decades() > alone.gradient().decades(),
                "the small init's tiny gradients widen the shared axis: " + axes.gradient() + " vs " + alone.gradient());
        assertTrue(axes.ratio().fraction(SharedAxes.RATIO_GUIDE) > 0 && axes.ratio().fraction(SharedAxes.RATIO_GUIDE) < 1);
        assertEquals(10, axes.stepMax());
        assertTrue(axes.lossMax() >= small.snapshot().latest().loss());
    }

    @Test
    void axesOnlyGrowUntilReset() {
        SharedAxes shared = new SharedAxes();
        SharedAxes.Axes wide = shared.update(List.of(history(Activation.Kind.SIGMOID, Initializer.Scheme.SMALL, 1)
                .snapshot()));
        RunHistory he = history(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM, 1);
        LogScale heAlone = new SharedAxes().update(List.of(he.snapshot())).gradient();
        LogScale grown = shared.update(List.of(he.snapshot())).gradient();
        assertEquals(wide.gradient().union(heAlone), grown, "what it held before, it still holds");
        assertEquals(grown, shared.update(List.of(he.snapshot())).gradient());
        shared.reset();
        assertEquals(new SharedAxes().update(List.of(he.snapshot())), shared.update(List.of(he.snapshot())));
    }

    @Test
    void histogramRangesAreSharedByActivation() {
        RunHistory relu = history(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM, 1);
        RunHistory sigmoid = history(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM, 1);
        SharedAxes shared = new SharedAxes();
        List<RunHistory.Snapshot> both = List.of(relu.snapshot(), sigmoid.snapshot());
        assertArrayEquals(new double[] {0, 1}, shared.histogramRange(Activation.Kind.SIGMOID, both));
        double[] r = shared.histogramRange(Activation.Kind.RELU, both);
        assertEquals(0, r[0]);
        assertTrue(r[1] > 0);
    }

    @Test
    void aNormAxisSpansAtLeastFourDecadesAndTheLossAxisEndsRoundAbove() {
        assertEquals(new LogScale(-4, 0), SharedAxes.wide(new LogScale(-1, 0)), "0.1 and 1 are not worlds apart");
        assertEquals(new LogScale(-9, 1), SharedAxes.wide(new LogScale(-9, 1)));
        assertEquals(2.5, SharedAxes.lossTop(2.3026), 1e-12);
        assertEquals(3, SharedAxes.lossTop(2.55), 1e-12);
        assertEquals(1, SharedAxes.lossTop(Double.NaN));
        assertEquals(1.5e8, SharedAxes.lossTop(1.01e8), 1);
    }

    @Test
    void theStepAxisGrowsInRoundNumbers() {
        assertEquals(10, SharedAxes.niceSteps(0));
        assertEquals(20, SharedAxes.niceSteps(11));
        assertEquals(500, SharedAxes.niceSteps(230));
    }

    private static RunHistory history(Activation.Kind kind, Initializer.Scheme init, int steps) {
        GradientFlow.Config c = new GradientFlow.Config(6, 16, kind, init, false, Clipping.parse("none", 0), OptimizerKind.SGD, 0.1, 32, 0);
        GradientFlow flow = new GradientFlow(c, XOR);
        RunHistory h = new RunHistory(c);
        h.record(flow.measure(), true);
        for (int i = 0; i < steps; i++) {
            h.record(flow.step(), false);
        }
        return h;
    }
}
