package org.backproplab.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all at once or not at all: the bytes go to a temporary file in the target's folder
 * ({@code <name>.<13 random letters and digits>.tmp}), which is then moved over the target. An exception midway,
 * Ctrl+C or {@code kill -TERM} leaves the earlier file as it was and removes the temporary one; a crash that runs
 * no code at all ({@code kill -9}, a power cut) leaves the earlier file too, and its temporary is removed by the next
 * write of the same target (see {@link Temporaries}). So a half-written session, model or export never replaces a
 * good one, and no temporary stays for good.
 */
public final class AtomicFile {

    /** Writes the content to a stream; may throw midway, which then leaves the target untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Files.createDirectories(folder);
        Temporaries.removeStale(folder, file);
        // Not Files.createTempFile: its file is readable by its owner only, and the move would keep that, so an
        // export to a shared folder could not be read by the class. A new file takes the usual permissions (umask).
        Path temp = null;
        try {
            Temporaries.Open open = Temporaries.create(folder, file);
            temp = open.path();
            try (FileChannel channel = open.channel()) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                // On the disk before the move: else a power cut soon after could leave the new name on an empty file.
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // some file systems cannot rename atomically; a plain replace is the best they offer
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw named(file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } finally {
                    Temporaries.forget(temp); // after the delete: a JVM stopping in between still removes it
                }
            }
        }
    }

    /**
     * The same failure, naming the file the user chose rather than the temporary one beside it (which is all that
     * an AccessDeniedException from creating the temporary file would otherwise say).
     */
    private static FileSystemException named(Path file, FileSystemException e) {
        FileSystemException named = new FileSystemException(file.toString(), null, FileSystemErrors.reason(e));
        named.initCause(e);
        return named;
    }

    /** Writes text as UTF-8, atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
