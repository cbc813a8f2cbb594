package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.files.FileSystemErrors;
import org.backproplab.nn.ModelFile;

/**
 * {@code train --save FILE}, checked before training: a run of minutes must not end in "is a directory" with the
 * trained model lost. The file must not be a folder, and must lie in a folder that exists (or can be made) and
 * takes a new file with room for the model. Any name is taken, as before ({@code .bpmodel} is the app's).
 */
final class SaveTarget {

    /** Bytes beside the parameters: the header and the training config. */
    private static final long HEADER_BYTES = 64 * 1024;

    private SaveTarget() {
    }

    /** Throws an IllegalArgumentException naming the file and what is wrong; {@code parameters} sizes the file. */
    static void check(Path file, long parameters) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--save " + file + " is a folder; give a file name, like "
                    + file.resolve("model." + ModelFile.EXTENSION));
        }
        Path folder = file.toAbsolutePath().getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent(); // AtomicFile makes the missing folders when it saves
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("--save " + file + ": " + existing + " is not a folder");
        }
        probe(file, existing);
        long need = parameters * Float.BYTES + HEADER_BYTES;
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < need) {
                throw new IllegalArgumentException(String.format("--save %s: the model needs about %s and the disk has "
                        + "%s free", file, LayerSizes.size(need), LayerSizes.size(free)));
            }
        } catch (IOException e) {
            // no figure for the free space: the write itself will say if the disk is full
        }
    }

    /** Creates and removes a file in the folder: the one sure test that a new file can be written there. */
    private static void probe(Path file, Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".backprop-lab-", ".probe"));
        } catch (FileSystemException e) {
            throw new IllegalArgumentException("--save " + file + ": cannot write in " + folder + ": "
                    + FileSystemErrors.reason(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("--save " + file + ": cannot write in " + folder + ": " + e.getMessage());
        }
    }

    /** A failed save as one line naming the file: "No space left on device" alone says not which. */
    static String failure(Path file, IOException e) {
        String reason = e instanceof FileSystemException fse ? FileSystemErrors.reason(fse) : e.getMessage();
        return "cannot save the model to " + file + ": " + reason;
    }
}
