package org.backproplab.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.backproplab.engine.ForwardMode;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;

/**
 * The value of {@code eval --tangent}: a leaf's name, seeded with ones over the whole leaf ({@code W}: each tangent is
 * then the sum over W's elements of ∂node/∂W[i][j], which for a 1×1 leaf is simply ∂node/∂W), or one element of it,
 * counted from 0 ({@code W[0][1]}: each tangent is ∂node/∂W[0][1]).
 *
 * @param text    the value as given, which the report repeats
 * @param name    the leaf's name
 * @param element whether one element was chosen
 * @param row     its row, from 0 (0 without an element)
 * @param col     its column, from 0 (0 without an element)
 */
record TangentOption(String text, String name, boolean element, int row, int col) {

    private static final Pattern FORM = Pattern.compile("([^\\[\\]\\s]+)(?:\\[([0-9]{1,9})\\]\\[([0-9]{1,9})\\])?");

    /** The seed on a lesson's leaf: the leaf and the direction its tangent starts with. */
    record Seed(Tensor leaf, Snapshot direction) {
    }

    /** Parses the option's value, or says in one line what is wrong with it. */
    static TangentOption parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--tangent must be a name, or one element as name[row][column] counted"
                    + " from 0; got '" + text + "'");
        }
        boolean element = m.group(2) != null;
        return new TangentOption(text, m.group(1), element, element ? Integer.parseInt(m.group(2)) : 0,
                element ? Integer.parseInt(m.group(3)) : 0);
    }

    /**
     * The named leaf of {@code lesson} and its seed, or one line that names what is wrong and the lesson's leaves:
     * a name the lesson does not bind, a computed node, an element outside the leaf.
     */
    Seed resolve(Lesson lesson) {
        Tensor t = lesson.tensor(name).orElse(null);
        if (t == null || !t.isLeaf()) {
            String what = t == null ? "no such name in " + lesson.fileName()
                    : name + " is computed (by " + t.op().name() + "), not a leaf";
            throw new IllegalArgumentException("--tangent '" + text + "': " + what + "; the lesson's leaves are "
                    + leaves(lesson));
        }
        if (!element) {
            return new Seed(t, ForwardMode.ones(t));
        }
        if (row >= t.rows() || col >= t.cols()) {
            throw new IllegalArgumentException("--tangent '" + text + "': " + name + " is " + t.rows() + "x" + t.cols()
                    + ", so its rows count from 0 to " + (t.rows() - 1) + " and its columns from 0 to "
                    + (t.cols() - 1));
        }
        return new Seed(t, ForwardMode.element(t, row, col));
    }

    /** What the tangents are, for the table's header: the derivative and how the pass was seeded. */
    String describe(Tensor leaf) {
        String of = "d(name)/d(" + text + ")";
        if (element || leaf.isScalar()) {
            return "tangent: " + of + " by forward mode, one forward pass that carries each node's tangent, seeded with"
                    + " 1 at " + text;
        }
        return "tangent: " + of + " by forward mode, seeded with ones over all of " + name + " " + leaf.rows() + "x"
                + leaf.cols() + ": each tangent sums d(name)/d" + name + "[i][j] over its elements";
    }

    /** The names bound to leaves, in the order they were first bound. */
    static String leaves(Lesson lesson) {
        String names = lesson.bindings().entrySet().stream().filter(e -> e.getValue().isLeaf()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none (every name is computed)" : names;
    }
}
