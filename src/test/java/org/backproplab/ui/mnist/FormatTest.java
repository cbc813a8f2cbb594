package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void durationsRoundUpAndGrowAnHourField() {
        assertEquals("0:00", Format.duration(0));
        assertEquals("0:01", Format.duration(0.2), "nearly done still says a second");
        assertEquals("1:05", Format.duration(65));
        assertEquals("59:59", Format.duration(3599));
        assertEquals("1:02:03", Format.duration(3723));
        assertEquals(Format.NONE, Format.duration(Double.NaN));
        assertEquals(Format.NONE, Format.duration(Double.POSITIVE_INFINITY));
        assertEquals(Format.NONE, Format.duration(-1));
    }

    @Test
    void figures() {
        assertEquals("97.35%", Format.percent(0.97345001));
        assertEquals(Format.NONE, Format.percent(Double.NaN));
        assertEquals("0.0738", Format.loss(0.07381));
        assertEquals("60,000", Format.count(60_000));
        assertEquals("183,957", Format.count(183_956.6));
    }
}
