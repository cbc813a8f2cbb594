package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LogScaleTest {

    @Test
    void coversWholeDecadesAroundTheValues() {
        assertEquals(new LogScale(-7, 0), LogScale.covering(3e-7, 0.4, 0.02));
        assertEquals(new LogScale(-3, -2), LogScale.covering(1e-3), "one value still gets a decade");
        assertEquals(new LogScale(2, 21), LogScale.covering(150, 9e20));
    }

    @Test
    void zeroNanAndInfinityAreLeftOutOfTheRange() {
        assertEquals(new LogScale(-2, 0), LogScale.covering(0, Double.NaN, Double.POSITIVE_INFINITY, 0.05, 0.5, -3));
        assertEquals(LogScale.EMPTY, LogScale.covering(0, Double.NaN));
        assertNull(LogScale.holding(0, Double.NaN));
    }

    @Test
    void fractionIsTheLogPositionClampedAtTheEnds() {
        LogScale s = new LogScale(-4, 0);
        assertEquals(0.5, s.fraction(1e-2), 1e-12);
        assertEquals(0.75, s.fraction(0.1), 1e-12);
        assertEquals(0, s.fraction(0));
        assertEquals(0, s.fraction(1e-9));
        assertEquals(1, s.fraction(1e6));
        assertEquals(1, s.fraction(Double.NaN), "an overflow shows at the top");
        assertEquals(1, s.fraction(Double.POSITIVE_INFINITY));
        assertEquals(0, s.exponentFraction(Double.NEGATIVE_INFINITY));
    }

    @Test
    void ticksThinOutOnLongAxes() {
        assertEquals(List.of(-4, -3, -2, -1, 0), new LogScale(-4, 0).ticks(8));
        assertEquals(List.of(-8, -6, -4, -2, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20), new LogScale(-9, 20).ticks(15));
        assertEquals(5, new LogScale(-9, 20).ticks(5).size() <= 5 ? 5 : -1);
    }

    @Test
    void unionHoldsBoth() {
        assertEquals(new LogScale(-9, 3), new LogScale(-2, 3).union(new LogScale(-9, -5)));
    }

    @Test
    void labelsUseSuperscripts() {
        assertEquals("10⁻³", LogScale.label(-3));
        assertEquals("0.1", LogScale.label(-1));
        assertEquals("1", LogScale.label(0));
        assertEquals("10¹²", LogScale.label(12));
    }

    @Test
    void anEmptyScaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogScale(2, 2));
    }
}
