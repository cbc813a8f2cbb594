package org.backproplab.ui.graph;

import javafx.scene.paint.Color;

/**
 * The colour scales that CSS cannot express (they depend on a number): gradient sign and size, heat maps, edge
 * widths. Negative is red, positive is blue — the two stay apart for red-green colour blindness — and size is
 * shown on a log scale from 1e-4 (faint) to 10 (full), so a vanishing gradient is visibly faint.
 */
public final class Palette {

    public static final Color POSITIVE = Color.web("#1f63c6");
    public static final Color NEGATIVE = Color.web("#d0342c");
    public static final Color NEUTRAL = Color.web("#f4f6f9");

    private Palette() {
    }

    /** How big {@code v} is, from 0 (|v| ≤ 1e-4, or not a number) to 1 (|v| ≥ 10), on a log scale. */
    public static double magnitude(double v) {
        double a = Math.abs(v);
        if (!(a > 1e-4)) {
            return 0;
        }
        if (Double.isInfinite(a)) {
            return 1;
        }
        return Math.min(1, (Math.log10(a) + 4) / 5);
    }

    /** A background for a gradient: its sign's colour, stronger the bigger it is. */
    public static Color gradientTint(double g) {
        if (g == 0 || Double.isNaN(g)) {
            return NEUTRAL;
        }
        return NEUTRAL.interpolate(g > 0 ? POSITIVE : NEGATIVE, 0.12 + 0.5 * magnitude(g));
    }

    /** The colour of a heat-map cell of value {@code v} in a matrix whose largest absolute value is {@code max}. */
    public static Color heat(double v, double max) {
        if (Double.isNaN(v)) {
            return Color.GRAY;
        }
        if (max == 0 || v == 0) {
            return NEUTRAL;
        }
        double t = Math.min(1, Math.abs(v) / max);
        return NEUTRAL.interpolate(v > 0 ? POSITIVE : NEGATIVE, 0.15 + 0.7 * t);
    }

    /** The text colour that reads on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance < 0.55 ? Color.WHITE : Color.web("#1c2530");
    }

    /** An edge's stroke width for the mean absolute gradient that flowed along it (NaN: none yet). */
    public static double edgeWidth(double flow) {
        return Double.isNaN(flow) ? 1.6 : 1.2 + 7 * magnitude(flow);
    }
}
