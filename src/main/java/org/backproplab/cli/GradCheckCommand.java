package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop-lab gradcheck}: compares every op's backward with central differences, one small random
 * float64 graph per op (see {@link OpCases}), and prints one line per op with the largest relative error
 * over all of its inputs. Exits 1 if any op is off by the tolerance or more; under a failing op it prints the
 * worst element, analytic against numeric, so that a wrong derivative can be told from rounding.
 */
@Command(name = "gradcheck",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the gradient of every op of the engine against central differences.",
            "",
            "Each op gets small random float64 inputs and the loss L = sum(W * op(...)),",
            "W random, so each output element gets its own upstream gradient. An op",
            "passes when its largest relative error |a - n| / max(|a|, |n|), over every",
            "element of every input, is below 1e-6."})
final class GradCheckCommand implements Callable<Integer> {

    /** Central differences in float64 with h = 1e-6 land near 1e-10; 1e-6 leaves a wide margin. */
    static final double TOLERANCE = 1e-6;
    private static final String ROW = "%-14s %18s  %-6s %s%n";

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random shapes and values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Gradient check: float64, central differences with h = %.0e, tolerance %.0e, seed %d%n%n",
                GradientCheck.DEFAULT_STEP, TOLERANCE, seed);
        out.printf(Locale.ROOT, ROW, "op", "max relative error", "result", "graph");
        OpCases cases = new OpCases(new Random(seed));
        int failed = 0;
        for (String op : OpCases.OPS) {
            Outcome outcome = check(cases, op);
            out.printf(Locale.ROOT, ROW, op, outcome.error(), outcome.ok() ? "ok" : "FAIL", outcome.detail());
            if (!outcome.ok()) {
                failed++;
                out.println("    " + outcome.worstElement());
            }
        }
        int total = OpCases.OPS.size();
        out.printf(Locale.ROOT, "%n%d ops checked: %d ok, %d failed%n", total, total - failed, failed);
        out.flush();
        return failed == 0 ? 0 : BackpropLabCommand.FAILURE;
    }

    /** One row of the table: the error as printed, whether it passed, the graph, and for a failure its worst element. */
    private record Outcome(String error, boolean ok, String detail, String worstElement) {
    }

    /** Builds and checks one op; an exception from the engine fails that op only, and says why. */
    private static Outcome check(OpCases cases, String op) {
        try {
            OpCases.Case c = cases.build(op);
            GradientCheck.Result worst = null;
            for (Tensor leaf : c.checkedLeaves()) {
                GradientCheck.Result result = GradientCheck.check(c.graph(), leaf);
                // A NaN error counts as the worst, and fails below: NaN < TOLERANCE is false.
                if (worst == null || !(result.maxRelativeError() <= worst.maxRelativeError())) {
                    worst = result;
                }
            }
            if (worst == null) {
                return new Outcome("-", false, c.expression(), "no input of " + op + " takes a gradient");
            }
            double error = worst.maxRelativeError();
            return new Outcome(String.format(Locale.ROOT, "%.1e", error), error < TOLERANCE, c.expression(),
                    describeWorstElement(worst));
        } catch (RuntimeException e) {
            return new Outcome("-", false, "error: " + BackpropLabCommand.oneLine(e), "the graph could not be built or run");
        }
    }

    /** "worst element x[1,2]: analytic …, numeric …, difference …". */
    private static String describeWorstElement(GradientCheck.Result result) {
        Snapshot analytic = result.analytic();
        double[] a = analytic.values();
        double[] n = result.numeric().values();
        int worst = 0;
        for (int i = 1; i < a.length; i++) {
            if (!(GradientCheck.relativeError(a[i], n[i]) <= GradientCheck.relativeError(a[worst], n[worst]))) {
                worst = i;
            }
        }
        return String.format(Locale.ROOT, "worst element %s[%d,%d]: analytic %.9e, numeric %.9e, difference %.1e",
                result.wrt().label(), worst / analytic.cols(), worst % analytic.cols(), a[worst], n[worst],
                Math.abs(a[worst] - n[worst]));
    }
}
