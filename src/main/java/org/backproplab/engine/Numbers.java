package org.backproplab.engine;

import java.math.BigDecimal;

/** Number formatting shared by formulas and messages. */
public final class Numbers {

    private Numbers() {
    }

    /** The shortest text that reads back as the same double, without a trailing ".0": 2, 0.5, 1.0E-5. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** {@code v} to {@code digits} significant digits, for cards: -0.1966, 3, 1.235e+06. */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e6 || abs < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        BigDecimal bd = new BigDecimal(v).round(new java.math.MathContext(digits));
        return bd.stripTrailingZeros().toPlainString();
    }
}
