package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        assertEquals("backprop-lab fail: error: the file\nwas empty".replace("\n", " ") + System.lineSeparator(),
                err.toString());
        assertNoStackTrace(err.toString());
    }

    @Test
    void anAppThatCannotStartIsOneLineWithTheCause() {
        var e = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));
        assertEquals("backprop-lab: cannot open the desktop app: Unable to open DISPLAY"
                + " (the command line needs no display: backprop-lab --help)", BackpropLabCommand.appFailure(e));
    }

    @Test
    void oneLineFallsBackToTheTypeName() {
        assertEquals("NullPointerException", BackpropLabCommand.oneLine(new NullPointerException()));
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception:") || err.contains("picocli."),
                "stderr looks like a stack trace:\n" + err);
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the file\nwas empty");
        }
    }
}
