package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backproplab.drawing.CardSize;
import org.backproplab.drawing.GraphLayout;
import org.backproplab.lesson.Lesson;
import org.backproplab.stepper.Stepper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench-stepper}: how fast the step-through view's headless parts are on a generated lesson of about
 * {@code --nodes} nodes: the layered layout (first call, with class loading, and the median of the next ones) and
 * one step of the state machine (each step of whole iterations, frame included). Prints figures against the targets
 * (layout under 200 ms, a step under 16 ms, one frame at 60 Hz); asserts nothing.
 */
@Command(name = "bench-stepper", mixinStandardHelpOptions = true,
        description = {"Time the step-through view's layout and stepping on a generated lesson (about 200 nodes).",
                "Targets: layout under 200 ms, a step under 16 ms. Prints figures, checks nothing."})
public final class BenchStepperCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The most warm layouts and stepped iterations: enough for a median, and a bench that ends. */
    static final int MAX_REPEATS = 1000;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "200",
            description = "About how many nodes the generated lesson has, 4 to " + GraphLayout.MAX_NODES
                    + " (default: ${DEFAULT-VALUE}).")
    long nodes; // long, so that a count past int's range gets the same message with the limit

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Warm layouts and stepped iterations to time, 1 to " + MAX_REPEATS
                    + " (default: ${DEFAULT-VALUE}).")
    long repeats;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // The layout refuses more than MAX_NODES nodes; the lesson made for at most that many stays within it.
        int nodes = requireWithin("--nodes", this.nodes, 4, GraphLayout.MAX_NODES,
                " (the most nodes the step-through view lays out)");
        int repeats = requireWithin("--repeats", this.repeats, 1, MAX_REPEATS, "");
        Lesson lesson = Lesson.compile(lessonOf(nodes), "generated.bp");
        Stepper stepper = new Stepper(lesson, org.backproplab.nn.OptimizerKind.SGD, 0.01);
        int size = stepper.graph().size();
        out.printf(Locale.ROOT, "lesson: %d nodes, %d edges, %d params (generated)%n", size,
                stepper.graph().edges().size(), stepper.graph().parameters().size());
        out.flush();

        long t0 = System.nanoTime();
        GraphLayout.layout(stepper.graph(), CardSize::of);
        double cold = ms(System.nanoTime() - t0);
        double[] warm = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            GraphLayout.layout(stepper.graph(), CardSize::of);
            warm[i] = ms(System.nanoTime() - t);
        }
        out.printf(Locale.ROOT, "layout: first %.1f ms (with class loading), then median %.1f ms  (target < 200 ms)%n",
                cold, median(warm));

        List<Double> steps = new ArrayList<>();
        int first = stepper.frame().iteration();
        while (stepper.frame().iteration() < first + repeats) {
            long t = System.nanoTime();
            stepper.step();
            steps.add(ms(System.nanoTime() - t));
        }
        double[] s = steps.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        out.printf(Locale.ROOT, "step: %d steps over %d iterations, median %.3f ms, 99th percentile %.3f ms, "
                + "max %.3f ms  (target < 16 ms)%n", s.length, repeats, median(s), s[(int) (0.99 * (s.length - 1))],
                s[s.length - 1]);

        long t = System.nanoTime();
        int done = stepper.run(1000, (d, n, loss) -> { }, () -> false);
        out.printf(Locale.ROOT, "run: %d iterations without events in %.1f ms (%.3f ms each)%n", done,
                ms(System.nanoTime() - t), ms(System.nanoTime() - t) / done);
        out.flush();
        return 0;
    }

    private int requireWithin(String option, long value, int min, int max, String why) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be from " + min + " to " + max + why + ", not " + value);
        }
        return (int) value;
    }

    /**
     * A lesson of about {@code target} nodes, the kind a graph that big is: a small scalar network written out
     * neuron by neuron — 3 inputs, two tanh layers, one output, a squared error — each neuron
     * {@code tanh(w·a + w·b + … + bias)}. The two widths are chosen to come closest to {@code target}.
     */
    static String lessonOf(int target) {
        int[] widths = widthsFor(target);
        StringBuilder sb = new StringBuilder();
        List<String> previous = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sb.append("const x").append(i).append(" = ").append(0.1 * i).append('\n');
            previous.add("x" + i);
        }
        int seed = 0;
        for (int layer = 1; layer <= 3; layer++) {
            int units = layer == 3 ? 1 : widths[layer - 1];
            List<String> next = new ArrayList<>();
            for (int u = 1; u <= units; u++) {
                String unit = (layer == 3 ? "y" : "h" + layer + "_" + u);
                StringBuilder sum = new StringBuilder();
                for (String in : previous) {
                    String w = "w" + layer + "_" + u + "_" + in;
                    sb.append("param ").append(w).append(" = ").append(0.1 * (++seed % 7 - 3)).append('\n');
                    sum.append(sum.length() == 0 ? "" : " + ").append(w).append(" * ").append(in);
                }
                sb.append("param b").append(layer).append('_').append(u).append(" = 0.1\n");
                sum.append(" + b").append(layer).append('_').append(u);
                sb.append(unit).append(" = ").append(layer == 3 ? sum : "tanh(" + sum + ")").append('\n');
                next.add(unit);
            }
            previous = next;
        }
        sb.append("loss L = (y - 1)^2\n");
        return sb.toString();
    }

    /**
     * The widths of {@link #lessonOf}'s two layers whose node count comes closest to {@code target} (the narrowest
     * first layer on a tie). For a given first width the count grows with the second by 3·w1 + 5, so only the two
     * second widths around the target can be closest: one pass over the first width, not a search of all pairs.
     */
    static int[] widthsFor(int target) {
        int[] best = {1, 1};
        for (int w1 = 1; nodesOf(w1, 1) - target <= Math.abs(nodesOf(best[0], best[1]) - target); w1++) {
            int below = Math.max(1, (target - nodesOf(w1, 0)) / (3 * w1 + 5));
            for (int w2 = below; w2 <= below + 1; w2++) {
                if (Math.abs(nodesOf(w1, w2) - target) < Math.abs(nodesOf(best[0], best[1]) - target)) {
                    best = new int[] {w1, w2};
                }
            }
        }
        return best;
    }

    /**
     * The nodes of {@link #lessonOf}'s network: a neuron of n inputs has n + 1 leaves, n products, n sums and its
     * tanh (3n + 2 nodes; the output has no tanh), plus 3 inputs and the loss's literal, difference and square.
     */
    static int nodesOf(int w1, int w2) {
        return 3 + w1 * (3 * 3 + 2) + w2 * (3 * w1 + 2) + (3 * w2 + 1) + 3;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] v) {
        return Median.of(v);
    }
}
