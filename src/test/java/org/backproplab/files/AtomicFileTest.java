package org.backproplab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
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

    @Test
    void theFileTakesTheUsualPermissionsNotATemporaryFilesOwnerOnlyOnes() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFile.writeString(atomic, "x");
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
        }
        assertTrue(Files.isReadable(atomic));
    }

    @Test
    void aFailureNamesTheChosenFileNotTheTemporaryOne() throws IOException {
        Path file = dir.resolve("loss.csv");
        Files.createDirectories(file.resolve("in the way")); // a non-empty folder where the file should go
        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFile.writeString(file, "a,b"));
        assertEquals(file.toString(), e.getFile());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        assertEquals(1, count(dir), "no temporary file left");
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
