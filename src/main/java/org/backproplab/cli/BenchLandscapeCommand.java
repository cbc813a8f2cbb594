package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.backproplab.labs.Landscape;
import org.backproplab.labs.LandscapeGrid;
import org.backproplab.labs.Surface;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench-landscape}: how fast the landscape lab's grids are. A contour map (200 × 200 values of f) as one graph
 * over the grid against the same values one scalar graph per point, and a basin map (100 × 100 starts × 500 steps)
 * for GD and momentum on the double well. Prints figures against the targets (a contour under 50 ms, a basin map
 * under 3 s); asserts nothing.
 */
@Command(name = "bench-landscape", mixinStandardHelpOptions = true,
        description = {"Time the landscape lab's contour map and basin maps on the double well.",
                "Targets: a 200 x 200 contour under 50 ms, a 100 x 100 x 500-step basin map under 3 s.",
                "Prints figures, checks nothing."})
public final class BenchLandscapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--contour", paramLabel = "N", defaultValue = "200",
            description = "The contour grid is N x N, 2 to 1000 (default: ${DEFAULT-VALUE}).")
    long contour;

    @Option(names = "--basins", paramLabel = "N", defaultValue = "100",
            description = "The basin map has N x N starts, 2 to 1000 (default: ${DEFAULT-VALUE}).")
    long basins;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
            description = "Steps of each basin-map path, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Warm contour maps to time, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    long repeats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int n = within("--contour", contour, 2, 1000);
        int b = within("--basins", basins, 2, 1000);
        int s = within("--steps", steps, 1, 100_000);
        int r = within("--repeats", repeats, 1, 1000);
        Surface preset = Surface.DOUBLE_WELL;
        Landscape surface = Landscape.of(preset);

        long t0 = System.nanoTime();
        LandscapeGrid.evaluate(surface, preset.window(), n, n);
        double first = millis(t0);
        double[] warm = new double[r];
        for (int i = 0; i < r; i++) {
            long t = System.nanoTime();
            LandscapeGrid.evaluate(surface, preset.window(), n, n);
            warm[i] = millis(t);
        }
        double batched = Median.of(warm);
        out.printf(Locale.ROOT, "contour %dx%d, one graph over the grid: first %.1f ms (with class loading), "
                + "then median %.1f ms (target: under 50 ms)%n", n, n, first, batched);
        out.flush();
        long t1 = System.nanoTime();
        LandscapeGrid.Values grid = LandscapeGrid.evaluate(surface, preset.window(), n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                surface.value(grid.x(i), grid.y(j));
            }
        }
        double scalar = millis(t1) - batched;
        out.printf(Locale.ROOT, "contour %dx%d, one scalar graph per point: %.1f ms, %.0fx the batched time%n", n, n,
                scalar, scalar / batched);
        out.flush();
        for (Landscape.Method m : new Landscape.Method[] {Landscape.Method.SGD, Landscape.Method.MOMENTUM}) {
            long t = System.nanoTime();
            LandscapeGrid.basins(surface, m, Landscape.Settings.of(preset.learningRate()), preset.window(), b, b, s,
                    preset.landmarks(), LandscapeGrid.Progress.NONE);
            out.printf(Locale.ROOT, "basin map %dx%d starts x %d steps, %s: %.0f ms (target: under 3000 ms)%n",
                    b, b, s, m.id(), millis(t));
            out.flush();
        }
        return 0;
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private int within(String option, long value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be from " + min + " to " + max
                    + ", not " + value);
        }
        return (int) value;
    }
}
