package org.backproplab.cli;

import java.util.Arrays;

/** The median the benchmarks report (of epoch seconds, step times, accuracies); NaN for no values. */
final class Median {

    private Median() {
    }

    static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
