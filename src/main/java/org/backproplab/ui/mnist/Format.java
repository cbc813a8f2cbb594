package org.backproplab.ui.mnist;

import java.util.Locale;

/** Figures as the tab shows them, the same in every language. */
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

    /** A share as a percentage with two decimals: 0.97345 → "97.35%". */
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.2f%%", share * 100) : NONE;
    }

    /** A loss with four significant decimals. */
    public static String loss(double loss) {
        return Double.isFinite(loss) ? String.format(Locale.ROOT, "%.4f", loss) : NONE;
    }

    /** A count with thousands separators: 60000 → "60,000". */
    public static String count(double n) {
        return Double.isFinite(n) ? String.format(Locale.ROOT, "%,d", Math.round(n)) : NONE;
    }
}
