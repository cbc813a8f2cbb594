package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.backproplab.AppInfo;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

class BackpropLabCommandTest {

    @Test
    void helpListsGradcheckAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: backprop-lab"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith("gradcheck ")),
                "no 'gradcheck' line under Commands:\n" + run.out());
        assertEquals("", run.err());
    }

    @Test
    void versionNamesTheApp() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith(AppInfo.NAME + " " + AppInfo.VERSION), run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLineOfStderr() {
        CliRun run = CliRun.of("--frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
        assertNoStackTrace(run.err());
    }

    @Test
    void unknownOptionOfASubcommandNamesTheSubcommand() {
        CliRun run = CliRun.of("gradcheck", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("backprop-lab gradcheck: Unknown option"), run.err());
        assertNoStackTrace(run.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("fly");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'fly'"), run.err());
        assertNoStackTrace(run.err());
    }

    @Test
    void optionsWithoutACommandAreAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Main only runs the command line with arguments; an empty one still reaches the top command.
        int code = BackpropLabCommand.execute(new String[] {""}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertNoStackTrace(err.toString());
    }

    @Test
    void anExceptionInACommandIsOneLineAndExitCodeOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = BackpropLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        cl.addSubcommand(new Failing());
        int code = cl.execute("fail");
        assertEquals(1, code);
        assertEquals("backprop-lab fail: error: unexpected IllegalStateException: the file was empty"
                + " (rerun with --verbose for the stack trace)" + System.lineSeparator(), err.toString());
        assertNoStackTrace(err.toString());
    }

    @Test
    void verboseBeforeOrAfterTheCommandAddsTheStackTraceAfterTheLine() {
        for (String[] args : new String[][] {{"--verbose", "fail"}, {"fail", "--verbose"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = BackpropLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
            cl.addSubcommand(new Failing());
            assertEquals(1, cl.execute(args));
            List<String> lines = err.toString().lines().toList();
            assertEquals("backprop-lab fail: error: unexpected IllegalStateException: the file was empty", lines.get(0));
            assertEquals("java.lang.IllegalStateException: the file", lines.get(1));
            assertTrue(lines.get(3).startsWith("\tat org.backproplab.cli.BackpropLabCommandTest$Failing.call"),
                    err.toString());
        }
    }

    @Test
    void outOfMemoryIsOneLineSayingWhatToTryAndExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine cl = BackpropLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        cl.addSubcommand(new RunningOut());
        assertEquals(1, cl.execute("oom"));
        assertTrue(err.toString().startsWith("backprop-lab oom: error: out of memory while running oom (Java's "
                + "heap is "), err.toString());
        assertTrue(err.toString().endsWith("); try giving Java more, like java -Xmx"
                + Math.max(2, (2 * Runtime.getRuntime().maxMemory() + (1L << 30) - 1) >> 30) + "g -jar backprop-lab.jar"
                + System.lineSeparator()), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertNoStackTrace(err.toString());
    }

    @Test
    void aFileThatFailedIsOneLineNamingItNotAnUnexpectedError() {
        var e = new java.nio.file.AccessDeniedException("/data/model.bpmodel");
        assertEquals("/data/model.bpmodel: access denied", LastResort.line(e, "train", 1L << 30, false));
        assertEquals("out of memory while running bench-stepper (Java's heap is 1.1 GB); try fewer --nodes, or giving "
                + "Java more, like java -Xmx3g -jar backprop-lab.jar",
                LastResort.line(new OutOfMemoryError(), "bench-stepper", 1_100_000_000L, false));
        assertEquals("unexpected NullPointerException (rerun with --verbose for the stack trace)",
                LastResort.line(new NullPointerException(), "eval", 1L << 30, false));
    }

    @Test
    void anAppThatCannotStartIsOneLineWithTheCause() {
        var e = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));
        assertEquals("backprop-lab: cannot open the desktop app: Unable to open DISPLAY"
                + " (the command line needs no display: backprop-lab --help)", BackpropLabCommand.appFailure(e));
    }

    @Test
    void aFileNameJavaCannotTakeIsAUsageErrorWithoutTheExceptionsName() {
        CliRun run = CliRun.of("predict", "--model", "a\u0000b", "--image", "0");
        assertEquals(2, run.exitCode());
        assertEquals("backprop-lab predict: Invalid value for option '--model': not a file name: Nul character not "
                + "allowed (try 'backprop-lab predict --help')", run.err().strip());
    }

    @Test
    void oneLineFallsBackToTheTypeName() {
        assertEquals("NullPointerException", BackpropLabCommand.oneLine(new NullPointerException()));
    }

    /**
     * No frame, no "Exception in thread", no line opening with a qualified exception class (a trace's first line);
     * the one-line "unexpected IllegalStateException: …" of a bug names the type, but without its package.
     */
    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("picocli.")
                || err.lines().anyMatch(l -> l.matches("[a-z]\\w*(\\.\\w+)+\\.\\w*(Exception|Error)\\b.*")),
                "stderr looks like a stack trace:\n" + err);
    }

    /** A command that runs out of memory, as a network too big for the heap would. */
    @Command(name = "oom")
    static final class RunningOut implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the file\nwas empty");
        }
    }
}
