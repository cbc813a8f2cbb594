package org.backproplab.ui;

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
    void mnistFigures() {
        assertEquals("97.35%", Format.percent(0.97345001, 2));
        assertEquals(Format.NONE, Format.percent(Double.NaN, 2));
        assertEquals("0.0738", Format.fixed(0.07381, 4));
        assertEquals("0.0000", Format.fixed(0.00001, 4));
        assertEquals(Format.NONE, Format.fixed(Double.POSITIVE_INFINITY, 4));
        assertEquals("60,000", Format.count(60_000));
        assertEquals("183,957", Format.count(183_956.6));
    }

    @Test
    void playgroundFiguresReadAsTheBrowserPlaygroundShowsThem() {
        assertEquals("000,000", Format.epoch(0));
        assertEquals("000,042", Format.epoch(42));
        assertEquals("001,707", Format.epoch(1707));
        assertEquals("1,234,567", Format.epoch(1234567));
        assertEquals("0.503", Format.loss(0.50251));
        assertEquals("0.000", Format.loss(0));
        assertEquals("4.21e-05", Format.loss(4.2109e-5));
        assertEquals(Format.NONE, Format.loss(Double.NaN));
        assertEquals("97.3%", Format.percent(0.9734, 1));
        assertEquals("46%", Format.percent(0.456, 0), "the gradient-flow lab's saturated share");
        assertEquals("0.00001", Format.setting(0.00001));
        assertEquals("0.03", Format.setting(0.03));
        assertEquals("3", Format.setting(3.0));
        assertEquals(Format.NONE, Format.number(Double.NaN));
        assertEquals("-1.539", Format.number(-1.53912));
    }
}
