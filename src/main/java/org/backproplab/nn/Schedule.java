package org.backproplab.nn;

/** How the learning rate changes from epoch to epoch (epochs counted from 0). */
public sealed interface Schedule {

    double rate(double base, int epoch);

    /** The same rate throughout. */
    record Constant() implements Schedule {
        public double rate(double base, int epoch) {
            return base;
        }
    }

    /** Multiplied by {@code factor} every {@code every} epochs. */
    record Step(int every, double factor) implements Schedule {
        public Step {
            if (every < 1 || !(factor > 0)) {
                throw new IllegalArgumentException("a step schedule needs every >= 1 and factor > 0");
            }
        }

        public double rate(double base, int epoch) {
            return base * Math.pow(factor, epoch / every);
        }
    }

    /** Half a cosine from the base rate down to 0 over {@code epochs} epochs. */
    record Cosine(int epochs) implements Schedule {
        public double rate(double base, int epoch) {
            return base * 0.5 * (1 + Math.cos(Math.PI * Math.min(epoch, epochs) / epochs));
        }
    }

    /** Parses {@code none}, {@code step:EVERY:FACTOR} or {@code cosine} (over {@code epochs}). */
    static Schedule parse(String text, int epochs) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "none", "constant" -> new Constant();
                case "cosine" -> new Cosine(epochs);
                case "step" -> new Step(parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
                        parts.length > 2 ? Double.parseDouble(parts[2]) : 0.5);
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown schedule '" + text + "'; use none, cosine or step:EVERY:FACTOR "
                    + "(e.g. step:5:0.5)");
        }
    }
}
