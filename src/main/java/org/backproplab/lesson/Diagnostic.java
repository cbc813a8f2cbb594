package org.backproplab.lesson;

/**
 * One mistake in a lesson: the file, the 1-based line and column where it is, and what is wrong, in words a
 * student can act on. Printed as {@code file:line:col: message}, the form editors and terminals link.
 */
public record Diagnostic(String file, int line, int column, String message) {

    static Diagnostic at(String file, Span span, String message) {
        return new Diagnostic(file, span.line(), span.column(), message);
    }

    /** {@code file:line:col: message}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
