package org.backproplab.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Snapshot;

/**
 * Just enough JSON for the CLI's reports: strings, numbers that read back as the very same double, and tensors
 * (a 1×1 tensor as a number, anything else as an array of rows, a 1×N row included).
 *
 * <p>JSON has no NaN or Infinity. Such a number is written as {@code null} and the path to it is remembered
 * ({@link #nonFinite()}), so the command can warn on stderr.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final List<String> nonFinite = new ArrayList<>();

    /** The text written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** The paths (such as {@code values.h10}) where NaN or ±Infinity was written as null. */
    List<String> nonFinite() {
        return nonFinite;
    }

    JsonWriter raw(String text) {
        out.append(text);
        return this;
    }

    JsonWriter string(String s) {
        out.append(quote(s));
        return this;
    }

    JsonWriter number(double v, String path) {
        if (!Double.isFinite(v)) {
            if (nonFinite.isEmpty() || !nonFinite.get(nonFinite.size() - 1).equals(path)) {
                nonFinite.add(path);
            }
            out.append("null");
        } else {
            out.append(number(v));
        }
        return this;
    }

    JsonWriter tensor(Snapshot s, String path) {
        if (s.isScalar()) {
            return number(s.item(), path);
        }
        out.append('[');
        for (int r = 0; r < s.rows(); r++) {
            out.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < s.cols(); c++) {
                if (c > 0) {
                    out.append(", ");
                }
                number(s.get(r, c), path);
            }
            out.append(']');
        }
        out.append(']');
        return this;
    }

    /**
     * A finite double as text that parses back to the same bits: {@link Double#toString} (which keeps -0.0 and
     * writes 1.0E-5 style exponents, both valid JSON), checked, with the exact decimal as a fallback.
     */
    static String number(double v) {
        String s = Double.toString(v);
        if (Double.doubleToRawLongBits(Double.parseDouble(s)) != Double.doubleToRawLongBits(v)) {
            s = new BigDecimal(v).toString();
        }
        return s;
    }

    /** A JSON string; everything outside printable ASCII is escaped, so the output survives any console encoding. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
