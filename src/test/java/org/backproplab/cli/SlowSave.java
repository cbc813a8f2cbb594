package org.backproplab.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import org.backproplab.files.AtomicFile;

/**
 * A program for {@link StoppedRunTest}: saves through {@link AtomicFile}, as {@code train --save} does, and stalls
 * halfway, as a save to a slow disk would, so that a test can stop it while a save is surely under way. It
 * relaunches itself for the Vector API as {@code Main} does, so that the test can aim the stop at the parent JVM.
 * Prints {@code saving} once the first 700 kB are in the temporary file.
 */
public final class SlowSave {

    private SlowSave() {
    }

    public static void main(String[] args) throws IOException {
        VectorRelaunch.ifNeeded(SlowSave.class.getName(), args);
        AtomicFile.write(Path.of(args[0]), out -> {
            out.write(new byte[700_000]);
            out.flush();
            System.out.println("saving");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted");
            }
        });
    }
}
