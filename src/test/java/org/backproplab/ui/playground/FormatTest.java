package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void figuresReadAsTheBrowserPlaygroundShowsThem() {
        assertEquals("000,000", Format.epoch(0));
        assertEquals("000,042", Format.epoch(42));
        assertEquals("001,707", Format.epoch(1707));
        assertEquals("1,234,567", Format.epoch(1234567));
        assertEquals("0.503", Format.loss(0.50251));
        assertEquals("0.000", Format.loss(0));
        assertEquals("4.21e-05", Format.loss(4.2109e-5));
        assertEquals(Format.NONE, Format.loss(Double.NaN));
        assertEquals("97.3%", Format.percent(0.9734));
        assertEquals("0.00001", Format.setting(0.00001));
        assertEquals("0.03", Format.setting(0.03));
        assertEquals("3", Format.setting(3.0));
        assertEquals(Format.NONE, Format.number(Double.NaN));
        assertEquals("-1.539", Format.number(-1.53912));
    }
}
