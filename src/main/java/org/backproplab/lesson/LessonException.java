package org.backproplab.lesson;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A lesson that cannot be run, with what is wrong and where: every syntax error of the file (each line is
 * parsed on its own, so one bad line does not hide the next), or the first error of compiling it.
 */
public final class LessonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public LessonException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a lesson error needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public LessonException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    /** The diagnostics in the order of the file; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first diagnostic. */
    public Diagnostic first() {
        return diagnostics.get(0);
    }
}
