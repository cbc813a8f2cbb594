package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.backproplab.AppInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code backprop-lab}: it only holds the subcommands, the standard {@code --help} and
 * {@code --version}, and {@code --verbose}, which every subcommand takes too. {@link #execute} is the one way in,
 * for {@code Main} and for tests alike. Whatever no command catches, an OutOfMemoryError included, ends as one line
 * on stderr and exit code 1 ({@link LastResort}).
 */
@Command(name = AppInfo.COMMAND,
        mixinStandardHelpOptions = true,
        versionProvider = BackpropLabCommand.Version.class,
        description = "Backprop Lab on the command line. Run without arguments to open the desktop app.",
        subcommands = {GradCheckCommand.class, EvalCommand.class, TrainCommand.class, PredictCommand.class,
                BenchCommand.class, GradFlowCommand.class, BenchStepperCommand.class, LandscapeCommand.class,
                BenchLandscapeCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a check failed, or the run hit an error: a bad data, model, PNG or lesson file,",
                "     a full disk, out of memory or a bug (--verbose adds a bug's stack trace)",
                "  2  usage error (an unknown command or option, a bad option value)"})
public final class BackpropLabCommand implements Callable<Integer> {

    /** Exit code for a usage error (unknown option, missing or malformed argument). */
    public static final int USAGE = 2;
    /** Exit code for a command that ran and failed: a gradient check that did not pass, a bad file, an error. */
    public static final int FAILURE = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "After the one-line message of an unexpected error, print its stack trace.")
    private boolean verbose;

    /** Reports what no command caught; one per command line, so that its threads report once. */
    private LastResort lastResort;

    /** A subcommand is required: naming none is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /**
     * Runs the command line with the given arguments and exits the JVM with its exit code. A failure in any other
     * thread (a worker out of memory) ends the run too, with its one line and exit code 1: the results would be wrong.
     */
    public static void runAndExit(String[] args) {
        CommandLine cl = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        LastResort lastResort = ((BackpropLabCommand) cl.getCommand()).lastResort;
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            lastResort.report(failure, cl.getParseResult());
            System.exit(FAILURE);
        });
        System.exit(run(cl, args));
    }

    /**
     * For {@code Main}: the desktop app could not start (no display, no GTK). Says so on one line, points to
     * the command line, which needs neither, and exits with {@link #FAILURE}.
     */
    public static void exitAfterAppFailure(RuntimeException e) {
        System.err.println(appFailure(e));
        System.exit(FAILURE);
    }

    static String appFailure(RuntimeException e) {
        Throwable cause = e;
        // JavaFX wraps what went wrong in "Application launch failed" or "Exception in Application start method".
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return AppInfo.COMMAND + ": cannot open the desktop app: " + oneLine(cause)
                + " (the command line needs no display: " + AppInfo.COMMAND + " --help)";
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return run(commandLine(out, err), args);
    }

    /** Executes, and turns what escapes picocli's own handlers (an Error while parsing, say) into one line too. */
    private static int run(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } catch (Throwable failure) {
            return ((BackpropLabCommand) cl.getCommand()).lastResort.report(failure, cl.getParseResult());
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        BackpropLabCommand top = new BackpropLabCommand();
        top.lastResort = new LastResort(err);
        CommandLine cl = new CommandLine(top);
        cl.setOut(out);
        cl.setErr(err);
        // picocli's own message for a path Java cannot take ("Nul character not allowed") quotes the exception
        cl.registerConverter(Path.class, text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new CommandLine.TypeConversionException("not a file name: " + e.getReason());
            }
        });
        // picocli lets "--help" win over words it could not place, so "landscape --help" printed the top help
        // and exited 0: a word that is no command is a usage error, help or not.
        cl.setExecutionStrategy(parseResult -> {
            if (!parseResult.unmatched().isEmpty()) {
                throw new ParameterException(parseResult.commandSpec().commandLine(),
                        "unknown command '" + parseResult.unmatched().get(0) + "'");
            }
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (Error e) {
                // picocli passes on Errors untouched; out of memory is the one a user meets (a net too big)
                return top.lastResort.report(e, parseResult);
            }
        });
        // Both handlers write to err itself, not to the failing subcommand's stream: a subcommand added
        // after setErr would still have the default one.
        cl.setParameterExceptionHandler((ex, args) -> {
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + oneLine(ex) + " (try '" + name + " --help')");
            err.flush();
            return USAGE;
        });
        // An exception a command let through: a file that failed (IOException) in one line, anything else is a bug.
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> top.lastResort.report(ex, parseResult));
        return cl;
    }

    /** The exception's message, or its type where it has none, folded onto one line. */
    static String oneLine(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** {@code --version}: the name and version from {@link AppInfo}, and the Java running it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.VERSION,
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
