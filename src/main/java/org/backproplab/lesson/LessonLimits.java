package org.backproplab.lesson;

import java.util.Locale;

/**
 * How large a lesson may be. A lesson is a teaching text whose every node the step-through view draws and whose
 * every number {@code eval} prints, so these limits are far above any lesson a person writes, and low enough that a
 * mistaken or hostile file (a 2000×2000 matrix written out, a product that makes a 10000×10000 matrix) is refused
 * with one line instead of filling the heap: a file of 16 MB took 2.3 GB and printed a 72 MB table before them.
 * The shipped lessons are under 2 KB and their largest matrix has 6 numbers.
 */
public final class LessonLimits {

    /** The most bytes of a lesson's text (UTF-8): 1 MB. Checked before the text is read, and again before lexing. */
    public static final int MAX_SOURCE_BYTES = 1 << 20;

    /** {@link #MAX_SOURCE_BYTES} as messages write it. */
    static final String MAX_SOURCE_TEXT = "1 MB, 1,048,576 bytes";

    /**
     * The most numbers in one literal and in one node a lesson computes: 65,536, a 256×256 matrix. The view shows a
     * matrix as a heat map with its numbers up to 4×4; a bigger one is a picture, not a thing to follow by hand.
     */
    public static final int MAX_TENSOR_SIZE = 1 << 16;

    /**
     * The most numbers all the nodes of a lesson hold together: 1,048,576 (8 MB of values, as much again of
     * gradients). Without it, a few thousand lines each making a 256×256 node would fill any heap.
     */
    public static final int MAX_TOTAL_SIZE = 1 << 20;

    private LessonLimits() {
    }

    /** A count with thousands separators, as the messages write it: 4,000,000. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A size in bytes for people: "16.0 MB (16,000,012 bytes)"; small sizes as bytes only. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        double mb = n / (double) (1 << 20);
        String size = mb >= 0.1 ? String.format(Locale.ROOT, "%.1f MB", mb)
                : String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return size + " (" + count(n) + " bytes)";
    }
}
