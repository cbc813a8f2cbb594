package org.backproplab.files;

import java.nio.file.FileSystemException;
import java.util.Locale;

/** Why a file operation failed, in words, for messages shown to users. */
public final class FileSystemErrors {

    private FileSystemErrors() {
    }

    /**
     * The exception's reason, or else its kind in words ("access denied" for an AccessDeniedException): its own
     * message is often only the path.
     */
    public static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()
                .replaceFirst("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
