package org.backproplab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path file = dir.resolve("sub/a.txt");
        AtomicFile.writeString(file, "first");
        AtomicFile.writeString(file, "second");
        assertEquals("second", Files.readString(file));
        assertEquals(1, count(file.getParent()));
    }

    @Test
    void aWriteInterruptedMidwayLeavesTheEarlierFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFile.writeString(file, "the earlier file");
        IOException crash = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half of the new fi".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", crash.getMessage());
        assertEquals("the earlier file", Files.readString(file));
        assertEquals(1, count(dir));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
