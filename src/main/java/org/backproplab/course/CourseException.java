package org.backproplab.course;

/**
 * A course or setup file with a mistake: where it is (line and column, from 1) and what is wrong, in words for the
 * person who wrote the file. The message reads {@code primer.course:12:7: "steps" must be a whole number, not "x"}.
 */
public final class CourseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public CourseException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() { return file; }

    /** The line of the mistake, from 1; 0 when it is about the whole file. */
    public int line() { return line; }

    /** The column of the mistake, from 1. */
    public int column() { return column; }

    /** What is wrong, without the place. */
    public String problem() { return problem; }
}
