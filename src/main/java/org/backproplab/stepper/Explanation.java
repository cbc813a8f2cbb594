package org.backproplab.stepper;

import java.util.List;

/**
 * What one step means, for the explanation panel: formula lines in symbols (the same in every language, e.g.
 * {@code q = x + y = -2 + 5 = 3}) and a note in words, given as a message key with its arguments so that the
 * view can say it in the reader's language.
 *
 * @param lines   the formulas, first the main one
 * @param noteKey a key of the UI's message bundle, e.g. {@code explain.forward}
 * @param noteArgs the arguments of that message ({0}, {1}, …)
 */
public record Explanation(List<String> lines, String noteKey, List<String> noteArgs) {

    public Explanation {
        lines = List.copyOf(lines);
        noteArgs = List.copyOf(noteArgs);
    }

    public static Explanation of(List<String> lines, String noteKey, String... args) {
        return new Explanation(lines, noteKey, List.of(args));
    }

    /** The lines joined by newlines. */
    public String text() {
        return String.join("\n", lines);
    }
}
