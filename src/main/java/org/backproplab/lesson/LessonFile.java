package org.backproplab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a lesson file's text: UTF-8, at most {@link LessonLimits#MAX_SOURCE_BYTES}. The size is checked before
 * reading, and the reading itself stops one byte past the limit, so neither a huge file nor one whose size the file
 * system does not know ({@code /dev/zero}, a pipe) is ever held in memory.
 */
public final class LessonFile {

    /** A lesson file that cannot be read, with one line saying which and why: {@code big.bp: …}. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String why;

        Unreadable(Path file, String why) {
            super(file + ": " + why, null, false, false);
            this.why = why;
        }

        /** Why, without the file's name: for a dialog that names the file itself. */
        public String why() {
            return why;
        }
    }

    private LessonFile() {
    }

    /** The text of {@code file}, or why it cannot be a lesson. */
    public static String read(Path file) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file, "is a directory, not a lesson file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > LessonLimits.MAX_SOURCE_BYTES) {
                throw tooLarge(file, LessonLimits.bytes(size));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(LessonLimits.MAX_SOURCE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new Unreadable(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(file, "cannot read: permission denied");
        } catch (IOException e) {
            throw new Unreadable(file, "cannot read: " + e.getMessage());
        }
        if (bytes.length > LessonLimits.MAX_SOURCE_BYTES) {
            throw tooLarge(file, "more than " + LessonLimits.count(LessonLimits.MAX_SOURCE_BYTES) + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(file, "not UTF-8 text");
        }
    }

    private static Unreadable tooLarge(Path file, String size) {
        return new Unreadable(file, "is " + size + ", too large for a lesson file (at most "
                + LessonLimits.MAX_SOURCE_TEXT + "; a lesson is a text to read, not data)");
    }
}
