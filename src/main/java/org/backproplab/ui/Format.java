package org.backproplab.ui;

import java.math.BigDecimal;
import java.util.Locale;

import org.backproplab.engine.Numbers;

/**
 * Figures as the tabs show them, the same in every language: durations, counts, shares, losses and the
 * Playground's epoch counter, weights and settings. A figure that is not known (NaN) shows {@link #NONE}.
 */
public final class Format {

    /** What a figure that is not known yet shows. */
    public static final String NONE = "—";

    private Format() {
    }

    /** Seconds as m:ss or h:mm:ss, rounded up so that a nearly finished run says 0:01, not 0:00. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return NONE;
        }
        long s = (long) Math.ceil(seconds);
        long h = s / 3600;
        long m = s / 60 % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", m, s % 60);
    }

    /** A share as a percentage with so many decimals: (0.97345, 2) → "97.35%", (0.9734, 1) → "97.3%". */
    public static String percent(double share, int decimals) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100) : NONE;
    }

    /** A number with so many decimals: (0.07381, 4) → "0.0738" (the MNIST tab's loss). */
    public static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NONE;
    }

    /** A count with thousands separators: 60000 → "60,000". */
    public static String count(double n) {
        return Double.isFinite(n) ? String.format(Locale.ROOT, "%,d", Math.round(n)) : NONE;
    }

    /** The Playground's epoch counter, six digits as in the browser playground: 42 → "000,042". */
    public static String epoch(int epoch) {
        String digits = String.format(Locale.ROOT, "%06d", epoch);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }

    /** The Playground's loss: three decimals, or three significant digits when it is smaller than 0.001. */
    public static String loss(double loss) {
        if (!Double.isFinite(loss)) {
            return NONE;
        }
        return Math.abs(loss) >= 0.001 || loss == 0 ? String.format(Locale.ROOT, "%.3f", loss)
                : Numbers.significant(loss, 3);
    }

    /** A weight, gradient or update with four significant digits. */
    public static String number(double v) {
        return Double.isNaN(v) ? NONE : Numbers.significant(v, 4);
    }

    /** A setting as typed, without exponent or trailing zeros: 0.00001, 0.03, 3. */
    public static String setting(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
