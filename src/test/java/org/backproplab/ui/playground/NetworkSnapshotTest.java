package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backproplab.data.ToyData;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;
import org.junit.jupiter.api.Test;

/** The copy of the network the views read: the same numbers as the network, and the same outputs. */
class NetworkSnapshotTest {

    static Playground playground(PlaygroundSettings s) {
        PlaygroundData d = PlaygroundData.generate(s.shape(), s.noise(), s.trainShare(), s.seed());
        return d.playground(s.config());
    }

    @Test
    void itsOutputIsThePlaygroundsBoundary() {
        for (Activation.Kind kind : Activation.Kind.values()) {
            PlaygroundSettings s = PlaygroundSettings.defaults().withShape(ToyData.Kind.SPIRAL).withActivation(kind)
                    .withFeature(Playground.Feature.SIN_X1, true).withFeature(Playground.Feature.X1_TIMES_X2, true)
                    .withLayerAdded();
            Playground p = playground(s);
            for (int i = 0; i < 3; i++) {
                p.epoch();
            }
            double[] expected = p.boundary(PlaygroundRun.BOUNDARY, -6, 6);
            double[][][] all = NetworkSnapshot.of(p).forward(HeatMaps.grid(PlaygroundRun.BOUNDARY, -6, 6));
            assertEquals(5, all.length, "features, three hidden layers, the output");
            assertEquals(4, all[0].length);
            double[] got = all[4][0];
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], got[k], 1e-12, kind + ", point " + k);
            }
        }
    }

    @Test
    void regressionOutputsTheValue() {
        Playground p = playground(PlaygroundSettings.defaults().withProblem(Playground.Problem.REGRESSION));
        p.epoch();
        double[][] points = {{1, 2}, {-3, 0.5}};
        assertArrayEquals(p.predict(points), NetworkSnapshot.of(p).forward(points)[3][0], 1e-12);
    }

    @Test
    void weightsGradientsAndUpdatesAreTheNetworks() {
        Playground p = playground(PlaygroundSettings.defaults());
        NetworkSnapshot before = NetworkSnapshot.of(p);
        ParamRef w = ParamRef.weight(1, 3, 1);
        ParamRef b = ParamRef.bias(2, 0);
        assertTrue(Double.isNaN(before.update(w)), "no step yet");
        assertEquals(0, before.gradient(w));
        p.epoch();
        NetworkSnapshot after = NetworkSnapshot.of(p);
        Tensor w2 = p.layers().get(1).weight();
        assertEquals(w2.get(3, 1), after.value(w));
        assertEquals(w2.gradAt(3, 1), after.gradient(w));
        assertEquals(p.lastUpdate()[2][3 * 2 + 1], after.update(w), "W2 is [4 × 2], row-major");
        assertEquals(p.layers().get(2).bias().get(0, 0), after.value(b));
        assertEquals(p.layers().get(2).bias().gradAt(0, 0), after.gradient(b));
        assertEquals(p.lastUpdate()[5][0], after.update(b));
        assertTrue(after.gradient(w) != 0, "a gradient after a step");
        assertArrayEquals(new int[] {2, 4, 2, 1}, after.sizes());
        assertTrue(after.maxAbsWeight() > 0);
    }

    @Test
    void paramRefsNameAndListEveryParameter() {
        int[] sizes = {2, 4, 2, 1};
        List<ParamRef> all = ParamRef.all(sizes);
        assertEquals(2 * 4 + 4 + 4 * 2 + 2 + 2 + 1, all.size());
        assertEquals(ParamRef.weight(0, 0, 0), all.get(0));
        assertEquals(ParamRef.weight(0, 1, 0), all.get(1));
        assertEquals(ParamRef.bias(0, 0), all.get(2));
        assertEquals("W2[4,1]", ParamRef.weight(1, 3, 0).label());
        assertEquals("b3[1]", ParamRef.bias(2, 0).label());
        assertEquals("W2", ParamRef.weight(1, 3, 0).matrix());
        assertEquals("b3", ParamRef.bias(2, 0).matrix());
        assertTrue(all.stream().allMatch(r -> r.fits(sizes)));
        assertFalse(ParamRef.weight(1, 4, 0).fits(sizes));
        assertFalse(ParamRef.bias(3, 0).fits(sizes));
        assertThrows(IllegalArgumentException.class, () -> new ParamRef(0, -2, 0));
    }

    @Test
    void valuesCarryOverToANetworkOfTheSameShape() {
        Playground a = playground(PlaygroundSettings.defaults());
        a.epoch();
        Playground b = playground(PlaygroundSettings.defaults().withLearningRate(0.3).withSeed(9));
        NetworkSnapshot.copyValues(a, b);
        assertEquals(a.layers().get(0).weight().get(1, 2), b.layers().get(0).weight().get(1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> NetworkSnapshot.copyValues(a, playground(PlaygroundSettings.defaults().withLayerAdded())));
    }
}
