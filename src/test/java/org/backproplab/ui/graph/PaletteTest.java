package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;

import org.backproplab.drawing.CardColours;
import org.junit.jupiter.api.Test;

/** The view's colours are the drawing's numbers as JavaFX colours: the cards and an exported SVG agree. */
class PaletteTest {

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void tintsAndHeatAreTheDrawingsColours() {
        for (double v : new double[] {-20, -1, -1e-3, 0, 1e-5, 0.5, 3, 50, Double.NaN}) {
            assertEquals(CardColours.gradientTint(v), rgb(Palette.gradientTint(v)), "tint of " + v);
            assertEquals(CardColours.heat(v, 4), rgb(Palette.heat(v, 4)), "heat of " + v);
            assertEquals(CardColours.magnitude(v), Palette.magnitude(v), "magnitude of " + v);
        }
    }

    @Test
    void aGradientsSignIsItsHueAndItsSizeItsStrength() {
        Color up = Palette.gradientTint(2);
        Color down = Palette.gradientTint(-2);
        assertTrue(up.getBlue() > up.getRed(), "positive is blue: " + up);
        assertTrue(down.getRed() > down.getBlue(), "negative is red: " + down);
        Color faint = Palette.gradientTint(1e-3);
        assertTrue(faint.getBrightness() > up.getBrightness(), "a small gradient is fainter than a big one");
        assertEquals(0, Palette.magnitude(1e-5));
        assertEquals(1, Palette.magnitude(100));
    }

    @Test
    void textReadsOnItsBackgroundAndEdgesGrowWithTheirFlow() {
        assertEquals(Color.rgb(0x1c, 0x25, 0x30), Palette.textOn(Color.WHITE));
        assertEquals(Color.WHITE, Palette.textOn(Color.rgb(0x1f, 0x63, 0xc6)));
        double none = Palette.edgeWidth(Double.NaN);
        double small = Palette.edgeWidth(1e-3);
        double big = Palette.edgeWidth(5);
        assertTrue(small < big, small + " < " + big);
        assertTrue(none > 0 && none <= small, "an edge without flow is still drawn, and thinnest");
    }
}
