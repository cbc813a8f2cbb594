package org.backproplab.data;

import java.nio.file.Path;

/** A data file that cannot be used; the message names the file and says what is wrong with it. */
public class DataFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DataFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
