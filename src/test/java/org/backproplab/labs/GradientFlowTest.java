package org.backproplab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Clipping;

/** What the gradient-flow lab must show, at depth 10 and width 64 on real MNIST batches, seeded. */
class GradientFlowTest {

    private static Examples train;

    @BeforeAll
    static void load() throws DataFileException {
        Mnist.Split split = Mnist.load(Mnist.defaultDirectory()).train();
        train = new Examples(split.name(), split.count(), split.pixelsPerImage(), 10, split::gather);
    }

    private static GradientFlow.StepStats atInit(GradientFlow.Config config) {
        return new GradientFlow(config, train).measure();
    }

    private static double firstOverLast(GradientFlow.StepStats s) {
        List<GradientFlow.LayerStats> l = s.layers();
        return l.get(0).weightGradNorm() / l.get(l.size() - 1).weightGradNorm();
    }

    @Test
    void sigmoidWithXavierVanishes() {
        GradientFlow.StepStats s = atInit(GradientFlow.Config.of(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM));
        assertEquals(10, s.layers().size());
        assertTrue(firstOverLast(s) < 1e-3, "first/last = " + firstOverLast(s));
        // and it shrinks layer by layer towards the input
        for (int l = 1; l < 9; l++) {
            assertTrue(s.layers().get(l - 1).weightGradNorm() < s.layers().get(l).weightGradNorm(), "layer " + l);
        }
    }

    @Test
    void reluWithHeAndSigmoidWithBatchNormKeepTheGradient() {
        double relu = firstOverLast(atInit(GradientFlow.Config.of(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM)));
        double bn = firstOverLast(atInit(GradientFlow.Config.of(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM)
                .withBatchNorm(true)));
        assertTrue(relu > 0.1 && relu < 10, "ReLU + He first/last = " + relu);
        assertTrue(bn > 0.1 && bn < 10, "sigmoid + Xavier + BatchNorm first/last = " + bn);
    }

    @Test
    void reluWithNormalInitExplodesAndClippingTamesIt() {
        GradientFlow.Config explode = GradientFlow.Config.of(Activation.Kind.RELU, Initializer.Scheme.NORMAL);
        GradientFlow.StepStats s = atInit(explode);
        assertTrue(s.gradNormBeforeClip() > 1e3, "global norm " + s.gradNormBeforeClip());
        assertEquals(s.gradNormBeforeClip(), s.gradNormAfterClip(), "no clipping, no change");
        GradientFlow.StepStats clipped = atInit(explode.withClipping(Clipping.parse("norm", 1)));
        assertEquals(s.gradNormBeforeClip(), clipped.gradNormBeforeClip(), 1e-6 * s.gradNormBeforeClip());
        assertTrue(clipped.gradNormAfterClip() <= 1 + 1e-9, "after clipping " + clipped.gradNormAfterClip());
    }

    @Test
    void after200StepsSigmoidHasBarelyLearnedAndReluHas() {
        double[] sigmoid = losses(GradientFlow.Config.of(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM));
        double[] relu = losses(GradientFlow.Config.of(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM));
        // seed 0, SGD 0.1, batch 256: sigmoid 2.367 → 2.302 (chance is ln 10 = 2.303), ReLU 2.258 → 0.426
        assertTrue(sigmoid[1] > 2.2, "sigmoid + Xavier, mean of the last 10 losses: " + sigmoid[1]);
        assertTrue(relu[1] < 0.8, "ReLU + He, mean of the last 10 losses: " + relu[1]);
        assertTrue(sigmoid[0] - sigmoid[1] < 0.2 && relu[0] - relu[1] > 1.0, sigmoid[0] + " " + relu[0]);
    }

    /** The means of the first and last 10 losses of 200 steps. */
    private static double[] losses(GradientFlow.Config config) {
        GradientFlow flow = new GradientFlow(config, train);
        double first = 0;
        double last = 0;
        for (int i = 0; i < 200; i++) {
            double loss = flow.step().loss();
            first += i < 10 ? loss / 10 : 0;
            last += i >= 190 ? loss / 10 : 0;
        }
        return new double[] {first, last};
    }

    @Test
    void overflowIsReportedWithLayerAndStepAndNothingCrashes() {
        GradientFlow flow = new GradientFlow(GradientFlow.Config.of(Activation.Kind.RELU, Initializer.Scheme.NORMAL)
                .withOptimizer(OptimizerKind.SGD, 1.0), train);
        GradientFlow.StepStats s = null;
        for (int i = 0; i < 20 && (s == null || s.nonFinite() == null); i++) {
            s = flow.step();
        }
        assertNotNull(s.nonFinite(), "an exploding net overflows within 20 steps");
        assertTrue(s.nonFinite().layer() >= 1 && s.nonFinite().layer() <= 10);
        assertEquals(flow.steps() + 1, s.nonFinite().step(), "the step that overflowed was not applied");
        // Stepping on goes on measuring, and applies a step exactly when its values are all finite.
        for (int i = 0; i < 3; i++) {
            int stepsBefore = flow.steps();
            GradientFlow.StepStats next = flow.step();
            assertEquals(next.nonFinite() == null ? stepsBefore + 1 : stepsBefore, flow.steps(), "step " + i);
            assertEquals(10, next.layers().size());
        }
        for (org.backproplab.engine.Tensor p : flow.network().parameters()) {
            for (int i = 0; i < p.size(); i++) {
                assertTrue(Double.isFinite(p.value().get(i)), "no overflowed step reached the weights");
            }
        }
    }

    @Test
    void updateRatioIsMeasuredAfterAStep() {
        GradientFlow flow = new GradientFlow(GradientFlow.Config.of(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM), train);
        assertEquals(0, flow.measure().layers().get(0).updateRatio());
        GradientFlow.StepStats s = flow.step();
        assertNull(s.nonFinite());
        for (GradientFlow.LayerStats l : s.layers()) {
            assertTrue(l.updateRatio() > 1e-6 && l.updateRatio() < 1, "layer " + l.index() + ": " + l.updateRatio());
        }
    }

    @Test
    void sigmoidsLocalDerivativeIsAtMostAQuarterAtEveryLayerThoughNothingSaturates() {
        GradientFlow.StepStats s = atInit(GradientFlow.Config.of(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM));
        for (GradientFlow.LayerStats l : s.layers().subList(0, 9)) {
            // seed 0: 0.231 … 0.239 — the factor backprop multiplies by, nine times over
            assertTrue(l.meanLocalDerivative() > 0.2 && l.meanLocalDerivative() <= 0.25,
                    "layer " + l.index() + ": σ′ = " + l.meanLocalDerivative());
            assertEquals(0, l.saturatedFraction(), 0.01, "the cause is not saturation");
        }
        assertTrue(Double.isNaN(s.layers().get(9).meanLocalDerivative()), "the output layer has no activation");
        // every way back through a sigmoid (layers 2…9) shrinks the gradient; the last one, from the logits, has none
        assertTrue(GradientFlow.backwardFactors(s).subList(0, 8).stream().allMatch(f -> f < 0.5),
                GradientFlow.backwardFactors(s).toString());
    }

    @Test
    void reluPassesTheGradientWholeOrNotAtAll() {
        GradientFlow flow = new GradientFlow(GradientFlow.Config.of(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM),
                train);
        GradientFlow.StepStats s = flow.measure();
        int values = s.layers().get(0).activations().length;
        for (GradientFlow.LayerStats l : s.layers().subList(0, 9)) {
            double ones = l.meanLocalDerivative() * values; // ReLU′ is 1 or 0: the mean counts the ones
            assertEquals(Math.rint(ones), ones, 1e-6, "layer " + l.index());
            assertTrue(l.meanLocalDerivative() > 0.3 && l.meanLocalDerivative() < 0.7, "layer " + l.index());
            assertEquals(1 - l.meanLocalDerivative(), l.saturatedFraction(), 1e-9, "the zeros are the outputs of 0");
        }
    }

    @Test
    void batchNormKeepsTheProductOfTheBackwardFactorsNearOne() {
        GradientFlow.StepStats plain = atInit(GradientFlow.Config.of(Activation.Kind.SIGMOID,
                Initializer.Scheme.XAVIER_UNIFORM));
        GradientFlow.StepStats bn = atInit(GradientFlow.Config.of(Activation.Kind.SIGMOID,
                Initializer.Scheme.XAVIER_UNIFORM).withBatchNorm(true));
        double plainProduct = GradientFlow.backwardProduct(plain);
        double bnProduct = GradientFlow.backwardProduct(bn);
        // seed 0: 1.2·10⁻⁵ without BatchNorm, 1.6 with it — though σ′ is still ≈ 0.21 at every layer
        assertTrue(plainProduct < 1e-3, "without BatchNorm " + plainProduct);
        assertTrue(bnProduct > 0.3 && bnProduct < 3, "with BatchNorm " + bnProduct);
        assertTrue(bn.layers().get(0).meanLocalDerivative() <= 0.25);
        // the product is the first hidden layer's gradient over the output's
        List<GradientFlow.LayerStats> l = plain.layers();
        assertEquals(l.get(0).outputGradNorm() / l.get(9).outputGradNorm(), plainProduct, 1e-9 * plainProduct);
    }
}
