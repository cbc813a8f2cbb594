package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.backproplab.lesson.Diagnostic;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.backproplab.lesson.LessonTraining;
import org.backproplab.lesson.NonFinite;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval FILE [--steps N] [--lr X] [--optimizer NAME] [--clip-norm X] [--tangent NAME] [--json]}: compiles a
 * lesson, trains its parameters for N steps, then runs one more forward and backward pass and prints every name's
 * value and gradient, as a table or as one JSON object; with {@code --tangent} also every name's tangent, the
 * derivative with respect to that one leaf by one forward-mode pass. Exit code 0 when it ran (also when its numbers
 * overflowed, with a warning naming the step and node of the first NaN or infinity), 1 for a lesson file that cannot
 * be read or does not compile ({@code file:line:col: message} lines on stderr), 2 for a usage error (a bad option
 * value, caught before the file is read, except a {@code --tangent} name that is no leaf of the lesson, caught once
 * it is compiled). Prints only through the command line's writers.
 */
@Command(name = "eval", sortOptions = false,
        description = {"Evaluate a lesson file (.bp): optionally train its params, then report every name's value "
            + "and gradient after one forward and one backward pass.",
            "Each step: forward, zero gradients, backward, clip (with --clip-norm), update every param."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the lesson ran (a NaN or infinity is a warning on stderr: its step and node)",
            "1:the lesson file cannot be read, is too large, or has errors (file:line:col: message on stderr)",
            "2:a usage error: an unknown option or a bad option value"})
public final class EvalCommand implements Callable<Integer> {

    static final int OK = 0;
    /** A lesson file that cannot be read or does not compile: a failure while running, as for any bad input file. */
    static final int FAILURE = BackpropLabCommand.FAILURE;
    private static final List<String> OPTIMIZERS = Arrays.stream(OptimizerKind.values()).map(OptimizerKind::id).toList();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the lesson file (UTF-8)")
    private Path file;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0", description = "training steps (default: ${DEFAULT-VALUE}); a run past a second shows a step counter on stderr")
    private int steps;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.1", description = "learning rate (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd, momentum, nesterov, rmsprop or adam (default: ${DEFAULT-VALUE})")
    private String optimizer;

    @Option(names = "--clip-norm", paramLabel = "X",
            description = "scale the params' gradients down when their global norm exceeds X")
    private Double clipNorm;

    @Option(names = "--tangent", paramLabel = "NAME", description = {"also report every name's tangent d(name)/d(NAME) "
        + "by forward-mode automatic differentiation (one forward pass carrying tangents, seeded at the leaf NAME); "
        + "NAME[i][j] seeds one element of a matrix (counted from 0), a plain NAME all of its elements at once"})
    private String tangent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--json", description = {"print one JSON object: output (its name), loss (null without a loss "
        + "statement), steps, values, grads (and with --tangent: tangent_of, tangents); a scalar is a number, a matrix "
        + "an array of rows; numbers read back as the same double; NaN and infinities print as null, with a warning on "
        + "stderr"})
    private boolean json;

    @Override
    public Integer call() {
        TangentOption tangentOption = validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Lesson lesson;
        try {
            lesson = Lesson.compile(LessonFile.read(file), file.toString());
        } catch (LessonFile.Unreadable e) {
            err.println(e.getMessage());
            err.flush();
            return FAILURE;
        } catch (LessonException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.format());
            }
            err.flush();
            return FAILURE;
        }
        TangentOption.Seed seed = null;
        if (tangentOption != null) {
            try {
                seed = tangentOption.resolve(lesson);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        LessonTraining.Settings settings = new LessonTraining.Settings(steps, OptimizerKind.parse(optimizer),
                learningRate, clipNorm == null ? Clipping.NONE : new Clipping.ByNorm(clipNorm));
        LessonTraining.Result result;
        try (StepProgress progress = new StepProgress(err, "eval", steps)) {
            result = LessonTraining.run(lesson, settings, progress::step);
        }
        EvalReport.Tangents tangents = seed == null ? null : new EvalReport.Tangents(tangentOption,
                lesson.tangents(seed.leaf(), seed.direction(), null));
        EvalReport report = new EvalReport(lesson, settings, result, tangents);
        if (result.firstNonFinite() != null) {
            err.println(firstNonFinite(result.firstNonFinite(), steps));
        }
        if (json) {
            JsonWriter w = report.json();
            out.print(w);
            warnNull(err, w.nonFinite());
        } else {
            out.print(report.table());
        }
        out.flush();
        err.flush();
        return OK;
    }

    /**
     * Option values picocli cannot check by type; a ParameterException makes picocli print usage and exit 2. Returns
     * the parsed {@code --tangent}, or null without it.
     */
    private TangentOption validate() {
        CommandLine cl = spec.commandLine();
        if (steps < 0) {
            throw new CommandLine.ParameterException(cl, "--steps must be 0 or more, got " + steps);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new CommandLine.ParameterException(cl, "--lr must be a positive number, got " + learningRate);
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new CommandLine.ParameterException(cl, "--optimizer must be one of " + String.join(", ", OPTIMIZERS)
                    + "; got '" + optimizer + "'");
        }
        if (clipNorm != null && (!(clipNorm > 0) || clipNorm.isInfinite())) {
            throw new CommandLine.ParameterException(cl, "--clip-norm must be a positive number, got " + clipNorm);
        }
        try {
            return tangent == null ? null : TangentOption.parse(tangent);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /**
     * The warning of a run whose numbers overflowed, with or without {@code --json}: the step and the node of the
     * first NaN or infinity, since what is computed from it goes the same way. The run goes on, as lesson 08 means to
     * show, and exits 0.
     */
    static String firstNonFinite(NonFinite first, int steps) {
        String when = first.step() != NonFinite.AFTER_TRAINING ? "step " + first.step() + " of " + steps + ": "
                : steps > 0 ? "after the " + steps + (steps == 1 ? " step: " : " steps: ") : "";
        return "warning: " + when + first.what() + " (the first non-finite value)";
    }

    /** With --json, one more line: (the first few of) the entries that hold NaN or ±Infinity, printed as null. */
    private static void warnNull(PrintWriter err, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        int shown = Math.min(paths.size(), 5);
        String names = String.join(", ", paths.subList(0, shown))
                + (paths.size() > shown ? " and " + (paths.size() - shown) + " more" : "");
        err.println("warning: NaN or infinite numbers in " + names + "; JSON has no such numbers, so they are printed"
                + " as null");
    }

}
