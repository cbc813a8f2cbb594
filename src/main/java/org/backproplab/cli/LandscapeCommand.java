package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.backproplab.labs.Landscape;
import org.backproplab.labs.Surface;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop-lab landscape}: one optimizer from one start on a surface f(x, y), with the app's own optimizer
 * code in float64; prints the path, or with {@code --json} one object whose points start with the start.
 */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = {"Runs one optimizer on a surface f(x, y) and prints its path.",
                "Surfaces: bowl, ravine, rosenbrock, saddle, double_well, himmelblau, bumpy, or an expression in x and y",
                "in the lesson language, like '(1 - x)^2 + 100*(y - x^2)^2'. sgd is plain gradient descent;",
                "--noise adds Gaussian noise to each gradient component, as a small batch would.",
                "newton: the Hessian from central differences of the engine's gradients, damped where it is not",
                "positive definite (each eigenvalue as its absolute value, at least 0.1)."})
public final class LandscapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--surface", required = true, paramLabel = "NAME|EXPR", description = "A preset or an expression.")
    String surface;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd, momentum, nesterov, rmsprop, adam or newton (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.01", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0.9",
            description = "Momentum μ of momentum and nesterov, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--beta1", paramLabel = "B1", defaultValue = "0.9",
            description = "Adam's β₁, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", paramLabel = "B2", defaultValue = "0.999",
            description = "Adam's β₂, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Standard deviation of Gaussian noise added to each gradient component (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", required = true, paramLabel = "X,Y",
            description = "The start point, like 2,1 (write --start=-1.5,2 for a negative x).")
    String start;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100",
            description = "Updates, 0 to 1000000 (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", description = "One JSON object: surface, optimizer, steps, points [[x, y, f], …], final.")
    boolean json;

    static final int MAX_STEPS = 1_000_000;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Landscape.Method kind;
        Landscape.Settings settings;
        double[] xy;
        Landscape landscape;
        try {
            kind = Landscape.Method.parse(optimizer);
            Checks.positive("--lr", lr);
            Checks.rate("--momentum", momentum);
            Checks.rate("--beta1", beta1);
            Checks.rate("--beta2", beta2);
            Checks.notNegative("--noise", noise);
            settings = new Landscape.Settings(lr, momentum, beta1, beta2, noise, seed);
            Checks.atLeast("--steps", steps, 0);
            if (steps > MAX_STEPS) {
                throw new IllegalArgumentException("--steps must be at most " + MAX_STEPS + ", not " + steps);
            }
            xy = point(start);
            landscape = landscape(surface);
        } catch (IllegalArgumentException e) {
            err.println("landscape: " + e.getMessage());
            return BackpropLabCommand.USAGE;
        }
        Landscape.Path path = landscape.run(kind, settings, xy[0], xy[1], steps);
        if (path.stoppedAt() >= 0) {
            err.println("landscape: warning: step " + path.stoppedAt() + " of " + steps
                    + ": a value is no longer finite (the learning rate is too large here); the path stops there");
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("surface", landscape.expression());
            report.put("optimizer", kind.id());
            report.put("steps", steps);
            List<List<Double>> points = new ArrayList<>();
            for (Landscape.Point p : path.points()) {
                points.add(List.of(p.x(), p.y(), p.f()));
            }
            report.put("points", points);
            Landscape.Point last = path.last();
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("x", last.x());
            end.put("y", last.y());
            end.put("f", last.f());
            report.put("final", end);
            out.println(JsonWriter.write(report));
        } else {
            out.printf(Locale.ROOT, "%8s %22s %22s %22s%n", "step", "x", "y", "f");
            for (int i = 0; i < path.points().size(); i++) {
                Landscape.Point p = path.points().get(i);
                out.printf(Locale.ROOT, "%8d %22s %22s %22s%n", i, p.x(), p.y(), p.f());
            }
        }
        return 0;
    }

    private static Landscape landscape(String text) {
        for (Surface s : Surface.values()) {
            if (s.id().equalsIgnoreCase(text.strip())) {
                return Landscape.of(s);
            }
        }
        try {
            return Landscape.of(text);
        } catch (Landscape.BadSurface e) {
            throw new IllegalArgumentException("--surface '" + text + "': " + e.getMessage());
        }
    }

    /** "X,Y" as two finite numbers. */
    static double[] point(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--start must be two numbers X,Y, like 2,1 or -1.5,2; not '" + text + "'");
        }
        double[] xy = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                xy[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--start must be two numbers X,Y; '" + parts[i].strip()
                        + "' is not a number");
            }
            if (!Double.isFinite(xy[i])) {
                throw new IllegalArgumentException("--start must be finite, not '" + text + "'");
            }
        }
        return xy;
    }
}
