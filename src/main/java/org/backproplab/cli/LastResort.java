package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backproplab.AppInfo;
import org.backproplab.files.FileSystemErrors;
import picocli.CommandLine.ParseResult;

/**
 * What the command line says about a failure no command caught: an {@link OutOfMemoryError} or an exception
 * nobody expected (a bug), in the main thread or in any other. One line on stderr, naming the command, what ran
 * out or what was thrown, and what to try; the stack trace only after it and only with {@code --verbose}. Exit code
 * {@link BackpropLabCommand#FAILURE}. One run reports once: a second thread failing the same way adds nothing.
 */
final class LastResort {

    /** What makes each command need less memory, for "try …". */
    private static final Map<String, String> SMALLER = Map.of(
            "train", "smaller --layers or --batch",
            "bench", "smaller --layers or --batch",
            "gradflow", "a smaller --width, --depth or --batch",
            "eval", "smaller matrices in the lesson",
            "predict", "a smaller PNG",
            "bench-stepper", "fewer --nodes");

    private final PrintWriter err;
    private final AtomicBoolean reported = new AtomicBoolean();

    LastResort(PrintWriter err) {
        this.err = err;
    }

    /**
     * Reports the failure of the command that {@code parsed} names (null when the arguments were never parsed)
     * and returns the exit code; a failure after the first of this run is not reported again.
     */
    int report(Throwable failure, ParseResult parsed) {
        if (!reported.compareAndSet(false, true)) {
            return BackpropLabCommand.FAILURE;
        }
        ParseResult last = parsed;
        while (last != null && last.subcommand() != null) {
            last = last.subcommand();
        }
        String name = last != null ? last.commandSpec().qualifiedName() : AppInfo.COMMAND;
        String command = last != null ? last.commandSpec().name() : "";
        boolean verbose = verbose(parsed);
        err.println(name + ": error: " + line(failure, command, Runtime.getRuntime().maxMemory(), verbose));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return BackpropLabCommand.FAILURE;
    }

    /** The line after "command: error: ". */
    static String line(Throwable failure, String command, long heapBytes, boolean verbose) {
        if (failure instanceof OutOfMemoryError) {
            String smaller = SMALLER.get(command);
            return "out of memory while running " + (command.isEmpty() ? AppInfo.COMMAND : command) + " (Java's heap is "
                    + LayerSizes.size(heapBytes) + "); try " + (smaller == null ? "" : smaller + ", or ")
                    + "giving Java more, like java -Xmx" + suggestedHeapGigabytes(heapBytes) + "g -jar " + AppInfo.COMMAND + ".jar";
        }
        Throwable io = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        if (io instanceof FileSystemException f && f.getFile() != null) {
            // a file that could not be read or written: the run failed, but nothing is broken
            return f.getFile() + ": " + FileSystemErrors.reason(f);
        }
        if (io instanceof IOException) {
            return BackpropLabCommand.oneLine(io);
        }
        String message = failure.getMessage() == null || failure.getMessage().isBlank() ? ""
                : ": " + BackpropLabCommand.oneLine(failure);
        return "unexpected " + failure.getClass().getSimpleName() + message
                + (verbose ? "" : " (rerun with --verbose for the stack trace)");
    }

    /** Twice the heap, in whole gigabytes, at least 2. */
    private static long suggestedHeapGigabytes(long heapBytes) {
        return Math.max(2, (2 * heapBytes + (1L << 30) - 1) >> 30);
    }

    /** True if --verbose was given, before the command or after it. */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
