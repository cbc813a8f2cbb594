package org.backproplab.nn;

import java.util.Locale;

/**
 * How the learning rate changes from epoch to epoch (epochs counted from 0, out of a run's {@code epochs}). Written
 * {@code none}, {@code cosine} or {@code step:EVERY:FACTOR} on the command line and in model files.
 */
public sealed interface Schedule {

    /** The rate for {@code epoch} of a run of {@code epochs} epochs, from the base rate. */
    double rate(double base, int epoch, int epochs);

    /** The written form, which {@link #parse} reads back. */
    String id();

    /** The same rate throughout. */
    record Constant() implements Schedule {
        public double rate(double base, int epoch, int epochs) {
            return base;
        }

        public String id() {
            return "none";
        }
    }

    /** Multiplied by {@code factor} every {@code every} epochs. */
    record Step(int every, double factor) implements Schedule {
        public Step {
            if (every < 1) {
                throw new IllegalArgumentException("step:EVERY:FACTOR needs EVERY >= 1 (epochs between "
                        + "changes), not " + every);
            }
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("step:EVERY:FACTOR needs a FACTOR > 0, not " + factor);
            }
        }

        public double rate(double base, int epoch, int epochs) {
            return base * Math.pow(factor, epoch / every);
        }

        public String id() {
            return "step:" + every + ":" + factor;
        }
    }

    /** Half a cosine from the base rate down to 0 over the run's epochs. */
    record Cosine() implements Schedule {
        public double rate(double base, int epoch, int epochs) {
            int over = Math.max(1, epochs);
            return base * 0.5 * (1 + Math.cos(Math.PI * Math.min(epoch, over) / over));
        }

        public String id() {
            return "cosine";
        }
    }

    Schedule NONE = new Constant();

    /**
     * Parses {@code none} (or {@code constant}), {@code cosine} or {@code step:EVERY:FACTOR}. A known name with a
     * bad number says what is wrong with the number (the step's own check), not that the name is unknown.
     */
    static Schedule parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        return switch (parts[0]) {
            case "none", "constant" -> NONE;
            case "cosine" -> new Cosine();
            case "step" -> {
                if (parts.length > 3) {
                    throw new IllegalArgumentException("schedule '" + text + "' has too many parts; write "
                            + "step:EVERY:FACTOR (e.g. step:5:0.5)");
                }
                yield new Step(parts.length > 1 ? number(parts[1], "EVERY", text, true).intValue() : 1,
                        parts.length > 2 ? number(parts[2], "FACTOR", text, false).doubleValue() : 0.5);
            }
            default -> throw new IllegalArgumentException("unknown schedule '" + text + "'; use none, cosine or "
                    + "step:EVERY:FACTOR (e.g. step:5:0.5)");
        };
    }

    private static Number number(String part, String name, String text, boolean whole) {
        try {
            return whole ? Integer.parseInt(part) : Double.parseDouble(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedule '" + text + "': " + name + " must be a " + (whole ? "whole "
                    : "") + "number, not '" + part + "'");
        }
    }
}
