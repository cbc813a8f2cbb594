package org.backproplab.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backproplab.engine.Snapshot;

/**
 * Just enough JSON for the CLI's reports, in two ways that share the number and string forms (numbers read back as
 * the very same double; everything outside printable ASCII escaped):
 * <ul>
 * <li>{@link #write(Object)}: maps, lists, strings, numbers and booleans as one line ({@code train} and
 * {@code gradflow}); a whole double is written as an integer (2.0 as {@code 2}), NaN and infinities as {@code null}.
 * <li>an instance, written to piece by piece ({@code eval}'s report): strings, numbers and tensors (a 1×1 tensor as a
 * number, anything else as an array of rows, a 1×N row included). JSON has no NaN or Infinity: such a number is
 * written as {@code null} and the path to it is remembered ({@link #nonFinite()}), so the command can warn on stderr.
 * </ul>
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

    /** Maps, lists, strings, numbers and booleans (and null) as one line of JSON. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Double d) {
            sb.append(Double.isFinite(d) ? integral(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(quote(String.valueOf(e.getKey()))).append(": ");
                first = false;
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                append(sb, l.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getSimpleName());
        }
    }

    /** A whole double below 10^15 as an integer (but -0.0 as itself), anything else as {@link #number(double)}. */
    private static String integral(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0) ? Long.toString((long) d) : number(d);
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
