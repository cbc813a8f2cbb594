package org.backproplab.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a course writes and reads its values: numbers as a person types them, on/off, lists with commas. */
final class Values {

    private Values() {
    }

    static int integer(String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, not \"" + v + "\"");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    static double number(String v) {
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, not \"" + v + "\"");
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("expected a finite number, not \"" + v + "\"");
        }
        return d;
    }

    static double positive(String v) {
        double d = number(v);
        if (!(d > 0)) {
            throw new IllegalArgumentException("must be more than 0, not " + v.strip());
        }
        return d;
    }

    static boolean onOff(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new IllegalArgumentException("expected on or off, not \"" + v + "\"");
        };
    }

    static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** "4, 2" → [4, 2]; "" → []. */
    static List<String> list(String v) {
        List<String> items = new ArrayList<>();
        for (String item : v.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** 0.1 → "0.1", 1e-4 → "0.0001", 5.0 → "5": the way a person would type it, and read back exactly. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** One of {@code choices} (ids), or a message naming them all. */
    static String oneOf(String v, List<String> choices) {
        String id = v.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(id)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", choices) + ", not \"" + v + "\"");
        }
        return id;
    }
}
