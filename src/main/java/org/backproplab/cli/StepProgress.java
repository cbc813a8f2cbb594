package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line step counter on stderr for {@code eval --steps} and {@code gradflow --steps}, as {@code train} has its
 * bar: silent for the first second (a quick run prints nothing extra), then rewritten in place a few times a second,
 * and ended with a line break so that what follows starts on its own line.
 */
final class StepProgress implements AutoCloseable {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastShown;
    private boolean shown;

    /** {@code nanoTime} is the clock, so that a test can move time on without waiting. */
    StepProgress(PrintWriter err, String label, long total, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    StepProgress(PrintWriter err, String label, long total) {
        this(err, label, total, System::nanoTime);
    }

    /** {@code done} steps of the total have run. */
    void step(long done) {
        long now = nanoTime.getAsLong();
        if (now - start < QUIET_NANOS || (shown && now - lastShown < EVERY_NANOS && done < total)) {
            return;
        }
        lastShown = now;
        shown = true;
        double seconds = (now - start) / 1e9;
        long left = done == 0 ? 0 : Math.round(seconds / done * (total - done));
        err.printf("\r%s: step %,d of %,d (%.0f%%), %.0f s, about %d s left ", label, done, total,
                100.0 * done / Math.max(1, total), seconds, left);
        err.flush();
    }

    @Override
    public void close() {
        if (shown) {
            err.println();
            err.flush();
        }
    }
}
