package org.backproplab.ui.gradflow;

import java.util.Locale;

/**
 * How fast the lab trains while it plays: as fast as it can (a deep net on MNIST takes a few milliseconds a step, so
 * two hundred steps pass in a second or two), or held to a number of steps a second, so that a class can watch the
 * first steps, where most of the story is.
 */
public enum Pace {
    FULL(0), FIFTY(50), TEN(10), TWO(2);

    private final double stepsPerSecond;

    Pace(double stepsPerSecond) {
        this.stepsPerSecond = stepsPerSecond;
    }

    /** The most steps a second; 0 for no limit. */
    public double stepsPerSecond() {
        return stepsPerSecond;
    }

    /** The least time between the starts of two steps, in nanoseconds; 0 for none. */
    public long minimumNanos() {
        return stepsPerSecond == 0 ? 0 : (long) (1e9 / stepsPerSecond);
    }

    /** The message key of its name. */
    public String key() {
        return "gradflow.pace." + name().toLowerCase(Locale.ROOT);
    }
}
