package org.backproplab.ui.gradflow;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic axis from 10^minExponent to 10^maxExponent, whole decades only, so that the ticks fall on
 * 1, 10, 0.1, … . Gradient norms span many decades (from 1e-9 in a vanishing net to 1e20 in an exploding one), and
 * a log axis is the only one on which both ends can be read. Zero lies below every log axis and NaN and infinity
 * above; {@link #fraction} puts them at the ends, and the views mark them.
 */
public record LogScale(int minExponent, int maxExponent) {

    /** Where an empty axis starts: 1e-4 to 1e0. */
    public static final LogScale EMPTY = new LogScale(-4, 0);
    /** No axis goes beyond these exponents (float32 overflows near 3.4e38). */
    public static final int FLOOR = -30;
    public static final int CEILING = 40;

    public LogScale {
        if (minExponent >= maxExponent) {
            throw new IllegalArgumentException("a log scale needs at least one decade: 1e" + minExponent + " to 1e"
                    + maxExponent);
        }
    }

    /** The smallest whole-decade axis holding every positive finite value; {@link #EMPTY} when there is none. */
    public static LogScale covering(double... values) {
        LogScale s = holding(values);
        return s == null ? EMPTY : s;
    }

    /** The smallest whole-decade axis holding every positive finite value; null when there is none. */
    public static LogScale holding(double... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? null : ofExponents(Math.log10(lo), Math.log10(hi));
    }

    /** The smallest whole-decade axis from 10^lo to 10^hi (log10 values; non-finite ones ignored). */
    public static LogScale ofExponents(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            return EMPTY;
        }
        int min = (int) Math.max(FLOOR, Math.floor(lo + 1e-9));
        int max = (int) Math.min(CEILING, Math.ceil(hi - 1e-9));
        if (max <= min) {
            max = min + 1;
        }
        return new LogScale(min, max);
    }

    /** The smallest axis holding both. */
    public LogScale union(LogScale other) {
        return new LogScale(Math.min(minExponent, other.minExponent), Math.max(maxExponent, other.maxExponent));
    }

    /** Decades from end to end. */
    public int decades() {
        return maxExponent - minExponent;
    }

    /**
     * Where v lies on the axis, 0 at the bottom and 1 at the top, clamped: 0 and negative values at 0, NaN and
     * infinity at 1.
     */
    public double fraction(double v) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (!(v > 0)) {
            return 0;
        }
        return exponentFraction(Math.log10(v));
    }

    /** Where 10^e lies on the axis, clamped to [0, 1]; NaN and +∞ at 1, −∞ at 0. */
    public double exponentFraction(double e) {
        if (Double.isNaN(e) || e == Double.POSITIVE_INFINITY) {
            return 1;
        }
        double f = (e - minExponent) / decades();
        return Math.max(0, Math.min(1, f));
    }

    /** The exponents to label: every decade, or every 2nd, 3rd, … so that there are at most {@code max} ticks. */
    public List<Integer> ticks(int max) {
        int every = 1;
        while (decades() / every + 1 > Math.max(2, max)) {
            every++;
        }
        List<Integer> out = new ArrayList<>();
        int first = Math.floorDiv(minExponent + every - 1, every) * every;
        for (int e = first; e <= maxExponent; e += every) {
            out.add(e);
        }
        return out;
    }

    /** 10^e as a label: "1", "10", "0.1" near 1, else "10⁻⁵", "10¹²" (superscripts, readable on a projector). */
    public static String label(int e) {
        return switch (e) {
            case -2 -> "0.01";
            case -1 -> "0.1";
            case 0 -> "1";
            case 1 -> "10";
            case 2 -> "100";
            default -> "10" + superscript(e);
        };
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }
}
