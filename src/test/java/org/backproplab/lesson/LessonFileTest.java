package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a lesson file: at most 1 MB, checked before reading, and never more than that read into memory. */
class LessonFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileOverOneMegabyteIsRefusedWithItsSize() throws IOException {
        Path big = dir.resolve("big.bp");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(16_000_012); // sparse: the size is what is checked, before a byte is read
        }
        LessonFile.Unreadable e = assertThrows(LessonFile.Unreadable.class, () -> LessonFile.read(big));
        assertEquals(big + ": is 15.3 MB (16,000,012 bytes), too large for a lesson file (at most 1 MB, 1,048,576"
                + " bytes; a lesson is a text to read, not data)", e.getMessage());
    }

    @Test
    void aFileOfExactlyOneMegabyteIsRead() throws IOException, LessonFile.Unreadable {
        Path file = dir.resolve("limit.bp");
        String text = "x = 1 #" + "权".repeat((LessonLimits.MAX_SOURCE_BYTES - 7) / 3);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertEquals(LessonLimits.MAX_SOURCE_BYTES, Files.size(file));
        assertEquals(text, LessonFile.read(file));
    }

    @Test
    void aFileWithoutAnEndIsCutAtTheLimitNotReadToTheEnd() {
        // /dev/zero says its size is 0 and never ends: reading it all would run out of memory.
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "needs /dev/zero");
        LessonFile.Unreadable e = assertThrows(LessonFile.Unreadable.class, () -> LessonFile.read(zero));
        assertEquals("/dev/zero: is more than 1,048,576 bytes, too large for a lesson file (at most 1 MB, 1,048,576"
                + " bytes; a lesson is a text to read, not data)", e.getMessage());
    }
}
