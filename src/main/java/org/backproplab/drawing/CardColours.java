package org.backproplab.drawing;


/**
 * The colour scales of the graph's cards and edges that depend on a number, as 0xRRGGBB, so that the view and an
 * exported SVG draw the same colours. Negative is red, positive is blue — the two stay apart for red-green colour
 * blindness — and a gradient's size is shown on a log scale from 1e-4 (faint) to 10 (full), so a vanishing
 * gradient is visibly faint.
 */
public final class CardColours {

    public static final int POSITIVE = 0x1f63c6;
    public static final int NEGATIVE = 0xd0342c;
    public static final int NEUTRAL = 0xf4f6f9;
    /** A heat-map cell that is not a number. */
    public static final int NOT_A_NUMBER = 0x808080;
    public static final int DARK_TEXT = 0x1c2530;
    public static final int LIGHT_TEXT = 0xffffff;

    private CardColours() {
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
    public static int gradientTint(double g) {
        if (g == 0 || Double.isNaN(g)) {
            return NEUTRAL;
        }
        return mix(NEUTRAL, g > 0 ? POSITIVE : NEGATIVE, 0.12 + 0.5 * magnitude(g));
    }

    /** The colour of a heat-map cell of value {@code v} in a matrix whose largest absolute value is {@code max}. */
    public static int heat(double v, double max) {
        if (Double.isNaN(v)) {
            return NOT_A_NUMBER;
        }
        if (max == 0 || v == 0) {
            return NEUTRAL;
        }
        double t = Math.min(1, Math.abs(v) / max);
        return mix(NEUTRAL, v > 0 ? POSITIVE : NEGATIVE, 0.15 + 0.7 * t);
    }

    /** The text colour that reads on {@code background}. */
    public static int textOn(int background) {
        double luminance = (0.2126 * (background >> 16 & 0xff) + 0.7152 * (background >> 8 & 0xff)
                + 0.0722 * (background & 0xff)) / 255;
        return luminance < 0.55 ? LIGHT_TEXT : DARK_TEXT;
    }

    /** An edge's stroke width for the mean absolute gradient that flowed along it (NaN: none yet). */
    public static double edgeWidth(double flow) {
        return Double.isNaN(flow) ? 1.6 : 1.2 + 7 * magnitude(flow);
    }

    /** {@code from} blended towards {@code to} by {@code t} (0 to 1), channel by channel. */
    static int mix(int from, int to, double t) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = from >> shift & 0xff;
            int b = to >> shift & 0xff;
            rgb |= (int) Math.round(a + (b - a) * t) << shift;
        }
        return rgb;
    }

    /** {@code #rrggbb}. */
    public static String hex(int rgb) {
        return String.format(java.util.Locale.ROOT, "#%06x", rgb & 0xffffff);
    }
}
