package org.backproplab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    @Test
    void aWriteRemovesTheTemporaryThatACrashedWriteOfTheSameFileLeft() throws IOException {
        Path file = dir.resolve("good.bpmodel");
        AtomicFile.writeString(file, "old");
        // what kill -9 during a save left (issue 13 row 7): a temporary of 1.4 MB beside the intact file
        Path stale = Files.write(dir.resolve("good.bpmodel.0k3j9x2m1a7qz.tmp"), new byte[1_400_000]);
        // not that file's temporaries, or not temporaries at all: kept
        Path[] others = {Files.writeString(dir.resolve("other.bpmodel.0k3j9x2m1a7qz.tmp"), "another file's"),
            Files.writeString(dir.resolve("good.bpmodel.backup.tmp"), "the user's"),
            Files.writeString(dir.resolve("good.bpmodel.0k3j9x2m1a7qz.tmp.keep"), "the user's"),
            Files.writeString(dir.resolve("xgood.bpmodel.0k3j9x2m1a7qz.tmp"), "the user's")};
        AtomicFile.writeString(file, "new");
        assertEquals("new", Files.readString(file));
        assertFalse(Files.exists(stale), "the crashed write's temporary is removed");
        for (Path other : others) {
            assertTrue(Files.exists(other), other + " is kept");
        }
        assertEquals(1 + others.length, count(dir));
    }

    @Test
    void aTemporaryThatIsStillBeingWrittenIsKept() throws IOException {
        Path file = dir.resolve("session.bpsession");
        // A second write of the same file while the first is halfway (two windows saving at once): the second must
        // not take the first one's temporary for a crashed write's.
        AtomicFile.write(file, out -> {
            out.write("first, ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(1, temporaries(file), "the first write's temporary");
            AtomicFile.writeString(file, "second");
            assertEquals(1, temporaries(file), "the first write's temporary is still there");
            out.write("finished".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("first, finished", Files.readString(file));
        // A temporary that someone holds a lock on, as every writer does while it writes, is kept as well.
        Path held = dir.resolve("session.bpsession." + Temporaries.randomName() + ".tmp");
        try (FileChannel channel = FileChannel.open(held, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            AtomicFile.writeString(file, "third");
            assertTrue(Files.exists(held) && lock.isValid());
        }
        AtomicFile.writeString(file, "fourth");
        assertFalse(Files.exists(held), "once nobody holds it, it is a crashed write's");
    }

    @Test
    void everyTemporaryNameFitsThePatternThatCleansUp() {
        Path file = Path.of("a.csv");
        for (int i = 0; i < 10_000; i++) {
            String name = "a.csv." + Temporaries.randomName() + ".tmp";
            assertTrue(Temporaries.pattern(file).matcher(name).matches(), name);
        }
    }

    private static long temporaries(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> Temporaries.pattern(file).matcher(p.getFileName().toString()).matches()).count();
        }
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
