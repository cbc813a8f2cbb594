package org.backproplab.lesson;

/**
 * Where a piece of a lesson is: a line and the columns [column, endColumn) on it, both 1-based and counted in
 * characters (Unicode code points; a tab is one column). A statement never spans lines, so neither does a span.
 */
public record Span(int line, int column, int endColumn) {

    /** The span from the start of {@code from} to the end of {@code to}, which are on the same line. */
    public static Span between(Span from, Span to) {
        return new Span(from.line, from.column, to.endColumn);
    }

    /** {@code line:column}, as in messages. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
