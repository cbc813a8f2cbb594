package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.backproplab.data.ToyData;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;
import org.junit.jupiter.api.Test;

/** The settings: the browser playground's limits, and what each change means for the run. */
class PlaygroundSettingsTest {

    private final PlaygroundSettings start = PlaygroundSettings.defaults();

    @Test
    void defaultsAreTheBrowserPlaygroundsAndMakeItsConfig() {
        assertEquals(ToyData.Kind.CIRCLE, start.shape());
        assertEquals(List.of(4, 2), start.hidden());
        assertArrayEquals(new int[] {2, 4, 2, 1}, start.sizes());
        Playground.Config c = start.config();
        assertEquals(Playground.Config.defaults().learningRate(), c.learningRate());
        assertEquals(Activation.Kind.TANH, c.activation());
        assertArrayEquals(new int[] {4, 2}, c.hidden());
    }

    @Test
    void layersAndNeuronsStayWithinTheLimits() {
        PlaygroundSettings s = start;
        for (int i = 0; i < 10; i++) {
            s = s.withLayerAdded();
        }
        assertEquals(List.of(4, 2, 2, 2, 2, 2), s.hidden(), "at most six hidden layers, new ones of two");
        for (int i = 0; i < 10; i++) {
            s = s.withNeurons(0, +1).withNeurons(1, -1);
        }
        assertEquals(8, s.hidden().get(0));
        assertEquals(1, s.hidden().get(1));
        for (int i = 0; i < 10; i++) {
            s = s.withLayerRemoved();
        }
        assertEquals(List.of(), s.hidden());
        assertArrayEquals(new int[] {2, 1}, s.sizes(), "no hidden layer: the features straight to the output");
    }

    @Test
    void theLastFeatureStaysOnAndFeaturesKeepTheirOrder() {
        PlaygroundSettings s = start.withFeature(Playground.Feature.SIN_X2, true).withFeature(Playground.Feature.X1_SQUARED,
                true);
        assertEquals(List.of(Playground.Feature.X1, Playground.Feature.X2, Playground.Feature.X1_SQUARED,
                Playground.Feature.SIN_X2), s.features());
        PlaygroundSettings one = start.withFeature(Playground.Feature.X1, false);
        assertEquals(List.of(Playground.Feature.X2), one.features());
        assertSame(one, one.withFeature(Playground.Feature.X2, false));
    }

    @Test
    void eachChangeIsClassified() {
        assertEquals(PlaygroundSettings.Change.NONE, start.change(start));
        assertEquals(PlaygroundSettings.Change.DATA, start.withNoise(0.2).change(start));
        assertEquals(PlaygroundSettings.Change.DATA, start.withSeed(7).change(start));
        assertEquals(PlaygroundSettings.Change.DATA, start.withTrainShare(0.7).change(start));
        assertEquals(PlaygroundSettings.Change.DATA, start.withShape(ToyData.Kind.XOR).change(start));
        assertEquals(PlaygroundSettings.Change.NETWORK, start.withLayerAdded().change(start));
        assertEquals(PlaygroundSettings.Change.NETWORK, start.withActivation(Activation.Kind.RELU).change(start));
        assertEquals(PlaygroundSettings.Change.NETWORK, start.withProblem(Playground.Problem.REGRESSION).change(start));
        assertEquals(PlaygroundSettings.Change.NETWORK, start.withFeature(Playground.Feature.SIN_X1, true).change(start));
        assertEquals(PlaygroundSettings.Change.TUNING, start.withLearningRate(0.3).change(start));
        assertEquals(PlaygroundSettings.Change.TUNING, start.withRegularization(Playground.Regularization.L2).change(start));
        assertEquals(PlaygroundSettings.Change.TUNING, start.withRegularizationRate(0.01).change(start));
        assertEquals(PlaygroundSettings.Change.TUNING, start.withBatchSize(25).change(start));
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> start.withNoise(0.6));
        assertThrows(IllegalArgumentException.class, () -> start.withTrainShare(1));
        assertThrows(IllegalArgumentException.class, () -> start.withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> Playground.Regularization.parse("l3"));
        assertThrows(IllegalArgumentException.class, () -> start.withBatchSize(0));
    }
}
