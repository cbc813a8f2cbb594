package org.backproplab.stepper;

import java.nio.file.Path;

/**
 * A session file that cannot be opened: the message names the file, the line where that helps, and what is wrong,
 * in words for the user (no stack trace needed).
 */
public final class SessionFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param line the line the problem is on, from 1; 0 when it is about the whole file */
    SessionFileException(Path file, int line, String problem) {
        super(file.getFileName() + (line > 0 ? ", line " + line : "") + ": " + problem);
    }
}
