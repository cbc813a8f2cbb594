package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HeatMapTest {

    @Test
    void cellsHoldTheLogOfTheNormAndNeighboursTheirGeometricMean() {
        HeatMap h = new HeatMap(2, 2);
        h.add(0, new double[] {1e-6, 1});
        h.add(1, new double[] {1e-4, 100});
        assertEquals(-6, h.exponent(0, 0), 1e-12);
        assertEquals(2, h.exponent(1, 1), 1e-12);
        h.add(2, new double[] {1e-2, 1});
        assertEquals(2, h.columns(), "the two first merged, the third shown as it comes");
        assertEquals(-5, h.exponent(0, 0), 1e-12);
        assertEquals(1, h.step(0));
        assertEquals(2, h.step(1));
        assertArrayEquals(new double[] {-5, 1}, h.exponentRange(), 1e-12);
    }

    @Test
    void theOutputLayerIsTheTopRowAndAnOverflowIsRed() {
        HeatMap h = new HeatMap(3, 4);
        h.add(0, new double[] {1e-4, 1e-2, Double.NaN});
        int[] px = h.argb(new LogScale(-4, 0));
        assertEquals(3, px.length, "one column, three rows");
        assertEquals(0xff000000 | HeatColors.OVERFLOW, px[0], "top row: the output layer, overflowed");
        assertEquals(0xff000000 | HeatColors.viridis(0.5), px[1]);
        assertEquals(0xff000000 | HeatColors.viridis(0), px[2], "bottom row: the first layer");
    }

    @Test
    void aZeroNormIsBelowEveryScale() {
        HeatMap h = new HeatMap(1, 2);
        h.add(0, new double[] {0});
        assertEquals(Double.NEGATIVE_INFINITY, h.exponent(0, 0));
        assertNull(h.exponentRange());
        assertEquals(0xff000000 | HeatColors.viridis(0), h.argb(new LogScale(-3, 0))[0]);
    }

    @Test
    void viridisRunsFromPurpleToYellow() {
        assertEquals(0x440154, HeatColors.viridis(0));
        assertEquals(0xfde725, HeatColors.viridis(1));
        assertEquals(0xfde725, HeatColors.viridis(7), "clamped");
        assertEquals(HeatColors.OVERFLOW, HeatColors.viridis(Double.NaN));
    }
}
