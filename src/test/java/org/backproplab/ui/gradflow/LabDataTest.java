package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.ToyData;
import org.backproplab.nn.Examples;
import org.junit.jupiter.api.Test;

class LabDataTest {

    @Test
    void toyPointsAreTwoScaledCoordinatesAndAOneHotLabel() {
        Examples e = LabData.toy(ToyData.Kind.CIRCLE, 5);
        assertEquals(LabData.TOY_POINTS, e.count());
        assertEquals(2, e.features());
        assertEquals(2, e.classes());
        float[] x = new float[2 * e.count()];
        float[] y = new float[2 * e.count()];
        java.util.Arrays.fill(y, 7f); // gathering clears what was there
        e.gatherer().gather(null, 0, e.count(), x, y);
        int ones = 0;
        for (int i = 0; i < e.count(); i++) {
            assertEquals(1f, y[2 * i] + y[2 * i + 1]);
            ones += (int) y[2 * i + 1];
            assertTrue(Math.abs(x[2 * i]) <= 1.2 && Math.abs(x[2 * i + 1]) <= 1.2, "scaled to about [-1, 1]");
        }
        assertEquals(e.count() / 2, ones, "half the points each");
    }

    @Test
    void theSameSeedGivesTheSamePointsAndOneExampleReadsBack() {
        Examples a = LabData.toy(ToyData.Kind.SPIRAL, 9);
        Examples b = LabData.toy(ToyData.Kind.SPIRAL, 9);
        assertArrayEquals(LabData.input(a, 17), LabData.input(b, 17));
        assertEquals(1, LabData.label(a, 0), "the first half is labelled 1");
        assertEquals(0, LabData.label(a, a.count() - 1));
        int[] order = {5, 3};
        float[] x = new float[4];
        a.gatherer().gather(order, 1, 1, x, new float[2]);
        assertEquals((float) LabData.input(a, 3)[0], x[0]);
    }
}
