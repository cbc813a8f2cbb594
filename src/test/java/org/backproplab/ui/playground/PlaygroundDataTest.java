package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.ToyData;
import org.junit.jupiter.api.Test;

/** The points as the tab splits and draws them, and the colours and grid of its pictures. */
class PlaygroundDataTest {

    @Test
    void aShapeIsSplitAsAskedAndTheSameSeedMakesTheSamePoints() {
        PlaygroundData a = PlaygroundData.generate(ToyData.Kind.XOR, 0.1, 0.7, 3);
        PlaygroundData b = PlaygroundData.generate(ToyData.Kind.XOR, 0.1, 0.7, 3);
        assertEquals(350, a.train().size());
        assertEquals(150, a.test().size());
        assertArrayEquals(a.train().xy()[5], b.train().xy()[5]);
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertNotEquals(a.train().xy()[5][0], PlaygroundData.generate(ToyData.Kind.XOR, 0.1, 0.7, 4).train().xy()[5][0]);
        assertEquals(6, a.extent());
        assertTrue(a.binaryLabels());
        assertEquals("xor", a.source());
        assertFalse(a.fromFile());
    }

    @Test
    void aFileReachingFurtherGetsALargerSquareAndMayHoldValues() {
        ToyData.Points points = new ToyData.Points(new double[][] {{-14, 2}, {3, 1}, {0, 0}, {1, 1}},
                new double[] {0, 2.5, 1, 0});
        PlaygroundData d = PlaygroundData.fromFile("far.csv", points, 0.5, 1);
        assertEquals(20, d.extent(), "14 × 1.05 rounded up to 20");
        assertFalse(d.binaryLabels());
        assertEquals(0, d.labelMin());
        assertEquals(2.5, d.labelMax());
        assertEquals(2, d.train().size());
        assertTrue(d.fromFile());
    }

    @Test
    void theGridRunsRowByRowFromTheTopLikeTheBoundary() {
        double[][] g = HeatMaps.grid(4, -6, 6);
        assertArrayEquals(new double[] {-4.5, 4.5}, g[0]);
        assertArrayEquals(new double[] {-1.5, 4.5}, g[1]);
        assertArrayEquals(new double[] {-4.5, 1.5}, g[4]);
        assertArrayEquals(new double[] {4.5, -4.5}, g[15]);
    }

    @Test
    void theColoursAreOrangeGreyBlue() {
        assertEquals(0xff000000 | HeatMaps.ORANGE, HeatMaps.color(-1));
        assertEquals(0xff000000 | HeatMaps.NEUTRAL, HeatMaps.color(0));
        assertEquals(0xff000000 | HeatMaps.BLUE, HeatMaps.color(3), "clamped");
        assertEquals(0xff000000 | HeatMaps.NEUTRAL, HeatMaps.color(Double.NaN));
        assertEquals(-1, HeatMaps.signed(0, 0, 1));
        assertEquals(1, HeatMaps.signed(1, 0, 1));
        int[] paled = HeatMaps.boundary(new double[] {1}, 0, 1);
        assertEquals(0xff000000 | HeatMaps.mix(HeatMaps.BLUE, HeatMaps.WHITE, HeatMaps.PALE), paled[0]);
        int[] feature = HeatMaps.feature(new double[] {-2, 0, 4});
        assertEquals(HeatMaps.color(-0.5), feature[0]);
        assertEquals(HeatMaps.color(1), feature[2]);
    }
}
