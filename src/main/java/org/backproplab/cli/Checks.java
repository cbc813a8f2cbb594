package org.backproplab.cli;

import org.backproplab.engine.Numbers;

/**
 * Checks of option values that picocli cannot make by type, each naming the option and the value it got
 * ({@code --dropout must be in [0, 1), not 1.5}). They run before any data is read, so that a typo costs no
 * loading time; a failure is an {@link IllegalArgumentException} that the commands turn into exit code 2.
 */
final class Checks {

    private Checks() {
    }

    /** A positive finite number: learning rates, clipping thresholds. */
    static double positive(String option, double value) {
        return require(value > 0 && Double.isFinite(value), option, "must be a positive number", value);
    }

    /** 0 or a positive finite number: weight decay. */
    static double notNegative(String option, double value) {
        return require(value >= 0 && Double.isFinite(value), option, "must be 0 or more", value);
    }

    /** A rate in [0, 1): dropout. */
    static double rate(String option, double value) {
        return require(value >= 0 && value < 1, option, "must be in [0, 1)", value);
    }

    /** A whole number of at least {@code min}: batch sizes, epochs, steps. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be " + min + " or more, not " + value);
        }
        return value;
    }

    private static double require(boolean ok, String option, String rule, double value) {
        if (!ok) {
            throw new IllegalArgumentException(option + " " + rule + ", not " + Numbers.format(value));
        }
        return value;
    }
}
