package org.backproplab.ui.graph;

import javafx.scene.paint.Color;

import org.backproplab.drawing.CardColours;

/**
 * The colour scales that CSS cannot express (they depend on a number) as JavaFX colours: gradient sign and size,
 * heat maps, edge widths. The scales themselves are {@link CardColours}', which an exported SVG draws with too.
 */
public final class Palette {

    private Palette() {
    }

    /** How big {@code v} is, from 0 (|v| ≤ 1e-4, or not a number) to 1 (|v| ≥ 10), on a log scale. */
    public static double magnitude(double v) {
        return CardColours.magnitude(v);
    }

    /** A background for a gradient: its sign's colour, stronger the bigger it is. */
    public static Color gradientTint(double g) {
        return color(CardColours.gradientTint(g));
    }

    /** The colour of a heat-map cell of value {@code v} in a matrix whose largest absolute value is {@code max}. */
    public static Color heat(double v, double max) {
        return color(CardColours.heat(v, max));
    }

    /** The text colour that reads on {@code background}. */
    public static Color textOn(Color background) {
        int rgb = (int) Math.round(background.getRed() * 255) << 16 | (int) Math.round(background.getGreen() * 255) << 8
                | (int) Math.round(background.getBlue() * 255);
        return color(CardColours.textOn(rgb));
    }

    /** An edge's stroke width for the mean absolute gradient that flowed along it (NaN: none yet). */
    public static double edgeWidth(double flow) {
        return CardColours.edgeWidth(flow);
    }

    static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
