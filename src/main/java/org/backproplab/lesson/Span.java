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

    /**
     * The text this span covers in {@code source} (lines end at {@code \n}, {@code \r\n} or {@code \r}, and a
     * byte-order mark at the start is skipped, as the lexer reads them); "" when the source does not reach it.
     */
    public String in(String source) {
        int start = source.startsWith("\uFEFF") ? 1 : 0;
        for (int l = 1; l < line; l++) {
            int n = source.indexOf('\n', start);
            int r = source.indexOf('\r', start);
            if (n < 0 && r < 0) {
                return "";
            }
            int end = n < 0 ? r : r < 0 ? n : Math.min(n, r);
            start = end + (source.startsWith("\r\n", end) ? 2 : 1);
        }
        int lineEnd = start;
        while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        String text = source.substring(start, lineEnd);
        int cps = text.codePointCount(0, text.length());
        if (column - 1 > cps) {
            return "";
        }
        int from = text.offsetByCodePoints(0, column - 1);
        int to = text.offsetByCodePoints(0, Math.min(cps, Math.max(column, endColumn) - 1));
        return text.substring(from, to);
    }

    /** {@code line:column}, as in messages. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
