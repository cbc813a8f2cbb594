package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.backproplab.AppInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code backprop-lab}: it only holds the subcommands and the standard {@code --help} and
 * {@code --version}. {@link #execute} is the one way in, for {@code Main} and for tests alike.
 */
@Command(name = AppInfo.COMMAND,
        mixinStandardHelpOptions = true,
        versionProvider = BackpropLabCommand.Version.class,
        description = "Backprop Lab on the command line. Run without arguments to open the desktop app.",
        subcommands = {GradCheckCommand.class, EvalCommand.class, TrainCommand.class, PredictCommand.class,
                BenchCommand.class, GradFlowCommand.class, BenchStepperCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a check failed, or the run hit an error (a bad data, model, PNG or lesson file, a full disk)",
                "  2  usage error (an unknown command or option, a bad option value)"})
public final class BackpropLabCommand implements Callable<Integer> {

    /** Exit code for a usage error (unknown option, missing or malformed argument). */
    public static final int USAGE = 2;
    /** Exit code for a command that ran and failed: a gradient check that did not pass, a bad file, an error. */
    public static final int FAILURE = 1;

    @Spec
    private CommandSpec spec;

    /** A subcommand is required: naming none is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /** Runs the command line with the given arguments and exits the JVM with its exit code. */
    public static void runAndExit(String[] args) {
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
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
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BackpropLabCommand());
        cl.setOut(out);
        cl.setErr(err);
        // picocli lets "--help" win over words it could not place, so "landscape --help" printed the top help
        // and exited 0: a word that is no command is a usage error, help or not.
        cl.setExecutionStrategy(parseResult -> {
            if (!parseResult.unmatched().isEmpty()) {
                throw new ParameterException(parseResult.commandSpec().commandLine(),
                        "unknown command '" + parseResult.unmatched().get(0) + "'");
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        // Both handlers write to err itself, not to the failing subcommand's stream: a subcommand added
        // after setErr would still have the default one.
        cl.setParameterExceptionHandler((ex, args) -> {
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + oneLine(ex) + " (try '" + name + " --help')");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> {
            err.println(command.getCommandSpec().qualifiedName() + ": error: " + oneLine(ex));
            err.flush();
            return FAILURE;
        });
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
