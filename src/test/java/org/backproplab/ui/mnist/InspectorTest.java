package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.backproplab.engine.Tensor;
import org.backproplab.nn.Activation;
import org.backproplab.nn.BatchNormLayer;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.Linear;
import org.backproplab.nn.Model;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The inference side and the weight copies it works on, on small random networks. */
class InspectorTest {

    private static final TrainingConfig SMALL = TrainingConfig.defaults(new int[] {784, 6, 10})
            .withNetwork(Activation.Kind.TANH, false, 0, Initializer.Scheme.XAVIER_UNIFORM).withSeed(3);

    @Test
    void theInputGradientAgreesWithCentralDifferences() {
        Inspector inspector = new Inspector(WeightsSnapshot.of(model(SMALL)));
        float[] pixels = image(1);
        int label = 4;
        float[] grad = inspector.inputGradient(pixels, label);
        double largest = ColorMap.maxAbs(grad);
        assertTrue(largest > 0, "some pixel matters");
        for (int p : new int[] {0, 100, 300, 406, 783}) {
            double h = 1e-2;
            float[] up = pixels.clone();
            float[] down = pixels.clone();
            up[p] += (float) h;
            down[p] -= (float) h;
            double numeric = (loss(inspector, up, label) - loss(inspector, down, label)) / (2 * h);
            assertEquals(numeric, grad[p], 2e-3 * largest + 1e-5, "pixel " + p);
        }
    }

    @Test
    void predictionsAgreeWithProbabilities() {
        Inspector inspector = new Inspector(WeightsSnapshot.of(model(SMALL)));
        float[] batch = new float[3 * 784];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(image(i + 10), 0, batch, i * 784, 784);
        }
        List<Inspector.Prediction> predictions = inspector.predict(batch, 3);
        assertEquals(3, predictions.size());
        for (int i = 0; i < 3; i++) {
            double[] p = inspector.probabilities(image(i + 10));
            int best = 0;
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                sum += p[c];
                best = p[c] > p[best] ? c : best;
            }
            assertEquals(1, sum, 1e-6);
            assertEquals(best, predictions.get(i).digit());
            assertEquals(p[best], predictions.get(i).probability(), 1e-5);
        }
    }

    @Test
    void firstLayerWeightsAreTheColumnsOfW() {
        Model m = model(SMALL);
        Inspector inspector = new Inspector(WeightsSnapshot.of(m));
        Tensor w = ((Linear) m.network().modules().get(0)).weight();
        assertEquals(6, inspector.firstLayerUnits());
        List<float[]> units = inspector.firstLayerWeights(32);
        assertEquals(6, units.size());
        assertEquals(4, inspector.firstLayerWeights(4).size());
        for (int p : new int[] {0, 391, 783}) {
            assertEquals(w.get(p, 5), units.get(5)[p], 0);
        }
    }

    @Test
    void aSnapshotIsACopyAndUpdatesTheInspector() {
        Model live = model(SMALL);
        WeightsSnapshot before = WeightsSnapshot.of(live);
        Inspector inspector = new Inspector(before);
        double[] p0 = inspector.probabilities(image(2));
        Tensor w = ((Linear) live.network().modules().get(0)).weight();
        for (int p = 0; p < 784; p++) {
            w.set(p, 0, w.get(p, 0) + 0.5);
        }
        assertArrayEquals(p0, inspector.probabilities(image(2)), "the inspector's model is its own");
        assertArrayEquals(p0, before.toModel().probabilities(image(2)), 1e-12, "the snapshot did not change");
        inspector.update(WeightsSnapshot.of(live));
        assertNotEquals(p0[0], inspector.probabilities(image(2))[0]);
        assertArrayEquals(live.probabilities(image(2)), inspector.probabilities(image(2)), 1e-12);
        TrainingConfig other = TrainingConfig.defaults(new int[] {784, 3, 10});
        inspector.update(WeightsSnapshot.of(model(other)));
        assertEquals(3, inspector.firstLayerUnits(), "another config: a new network");
    }

    @Test
    void batchNormRunningAveragesAreCopied() {
        TrainingConfig bn = SMALL.withNetwork(Activation.Kind.RELU, true, 0, Initializer.Scheme.XAVIER_UNIFORM);
        Model live = model(bn);
        BatchNormLayer layer = (BatchNormLayer) live.network().modules().get(1);
        double[] mean = new double[6];
        double[] var = new double[6];
        java.util.Arrays.fill(mean, 0.3);
        java.util.Arrays.fill(var, 2.0);
        layer.statistics().setRunning(mean, var);
        Model copy = WeightsSnapshot.of(live).toModel();
        assertArrayEquals(mean, ((BatchNormLayer) copy.network().modules().get(1)).statistics().runningMean());
        assertArrayEquals(live.probabilities(image(5)), copy.probabilities(image(5)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> WeightsSnapshot.of(live).copyInto(model(SMALL)));
    }

    private static double loss(Inspector inspector, float[] pixels, int label) {
        return -Math.log(inspector.probabilities(pixels)[label]);
    }

    private static Model model(TrainingConfig config) {
        return new Model(config, config.buildNetwork());
    }

    private static float[] image(int seed) {
        Random rng = new Random(seed);
        float[] px = new float[784];
        for (int i = 0; i < px.length; i++) {
            px[i] = rng.nextFloat() < 0.2 ? rng.nextFloat() : 0;
        }
        return px;
    }
}
