package org.backproplab.ui.playground;

import java.math.BigDecimal;
import java.util.Locale;

import org.backproplab.engine.Numbers;

/** Figures as the Playground tab shows them, the same in every language. */
public final class Format {

    /** What a figure that is not known yet shows. */
    public static final String NONE = "—";

    private Format() {
    }

    /** The epoch counter, six digits as in the browser playground: 42 → "000,042". */
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

    /** A loss with three decimals, or three significant digits when it is smaller than 0.001. */
    public static String loss(double loss) {
        if (!Double.isFinite(loss)) {
            return NONE;
        }
        return Math.abs(loss) >= 0.001 || loss == 0 ? String.format(Locale.ROOT, "%.3f", loss)
                : Numbers.significant(loss, 3);
    }

    /** A share as a percentage with one decimal: 0.9734 → "97.3%". */
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : NONE;
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
