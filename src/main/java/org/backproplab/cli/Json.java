package org.backproplab.cli;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings and numbers as one line of JSON for the commands' {@code --json} output, with
 * {@link JsonWriter}'s number and string forms (numbers read back as the same double; NaN and infinities,
 * which JSON cannot hold, become null).
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(JsonWriter.quote(s));
        } else if (v instanceof Double d) {
            sb.append(Double.isFinite(d) ? integral(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(JsonWriter.quote(String.valueOf(e.getKey()))).append(": ");
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

    private static String integral(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0) ? Long.toString((long) d)
                : JsonWriter.number(d);
    }
}
