package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void divergingRunsFromBlueThroughWhiteToRedAndClamps() {
        assertEquals(0xff2166ac, ColorMap.diverging(-1));
        assertEquals(0xfff7f7f7, ColorMap.diverging(0));
        assertEquals(0xffb2182b, ColorMap.diverging(1));
        assertEquals(ColorMap.diverging(1), ColorMap.diverging(7));
        assertEquals(ColorMap.diverging(-1), ColorMap.diverging(Double.NEGATIVE_INFINITY));
        int half = ColorMap.diverging(0.125); // half-way between the 5th and 6th stops
        assertEquals(ColorMap.mix(0xf7f7f7, 0xfddbc7, 0.5), half & 0xffffff);
    }

    @Test
    void inkIsDarkOnWhite() {
        assertEquals(0xffffffff, ColorMap.ink(0));
        assertEquals(0xff000000 | ColorMap.INK, ColorMap.ink(1));
        assertTrue(ColorMap.isDark(ColorMap.INK));
        assertFalse(ColorMap.isDark(ColorMap.WHITE));
    }

    @Test
    void aHeatImageIsScaledToItsLargestMagnitude() {
        int[] img = ColorMap.heatImage(new float[] {-0.002f, 0, 0.001f});
        assertEquals(0xff2166ac, img[0], "the largest magnitude is full colour");
        assertEquals(0xfff7f7f7, img[1]);
        assertEquals(ColorMap.diverging(0.5), img[2]);
        assertEquals(0xfff7f7f7, ColorMap.heatImage(new float[] {0, 0})[0], "all zeros: white, not NaN");
    }
}
