package org.backproplab.labs;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.backproplab.engine.Tensor;
import org.backproplab.labs.Landscape.Hessian;
import org.backproplab.labs.Landscape.Landmark;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.Landscape.Window;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.lesson.Lesson;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.TrainingStep;

/**
 * A surface over a whole grid of points at once: the surface compiled with x and y as matrices, one point per element,
 * so a contour map is a few forward passes of one graph rather than 40,000 scalar graphs, and a basin map is every
 * start's path at once through the one {@link TrainingStep}. The app's optimizers are element-wise and the loss of the
 * batch is the sum of f over the points, whose gradient at each point is that point's own ∇f: each start walks
 * exactly its own scalar path. The grid goes in pieces of at most {@value #PIECE} points, within a lesson's size
 * limits. A surface that is not made of element-wise ops (a sum, a matrix product) is evaluated point by point.
 */
public final class LandscapeGrid {

    /** The most points in one piece of a grid. */
    static final int PIECE = 4096;

    /**
     * A grid of values of f.
     *
     * @param f f[j·nx + i] at x(i), y(j): i along x from xMin, j along y from yMin, both ends included
     */
    public record Values(Window window, int nx, int ny, double[] f) {
        public double at(int i, int j) {
            return f[j * nx + i];
        }

        public double x(int i) {
            return coordinate(window.xMin(), window.xMax(), i, nx);
        }

        public double y(int j) {
            return coordinate(window.yMin(), window.yMax(), j, ny);
        }

        /** The smallest finite value (NaN when there is none). */
        public double min() {
            double m = Double.NaN;
            for (double v : f) {
                if (Double.isFinite(v) && !(v >= m)) {
                    m = v;
                }
            }
            return m;
        }

        /** The largest finite value (NaN when there is none). */
        public double max() {
            double m = Double.NaN;
            for (double v : f) {
                if (Double.isFinite(v) && !(v <= m)) {
                    m = v;
                }
            }
            return m;
        }
    }

    /** Hears how far a long computation is; returns false to cancel it. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> true;

        boolean report(int done, int total);
    }

    /**
     * Where each start of a grid ends: the index of the landmark it ends near, {@link #OTHER} or {@link #DIVERGED}.
     * A path ends near a minimum when it is within {@value #NEAR} of the window's smaller side of it.
     */
    public record Basins(Window window, int nx, int ny, Method method, List<Landmark> minima, int[] ending) {
        public static final int OTHER = -1;
        public static final int DIVERGED = -2;
        static final double NEAR = 0.05;

        public int at(int i, int j) {
            return ending[j * nx + i];
        }
    }

    /**
     * The momentum sweep of Distill's "Why momentum really works": f against step for each μ from one start.
     *
     * @param values           values[k][t]: f after t steps with momenta[k] (t = 0 is the start); a path that
     *                         overflowed keeps its last finite value's NaN-free prefix and then NaN
     * @param criticalMomentum μ = (1 − √(η·λ))² for the smallest curvature λ at the minimum the μ = 0 path ends
     *                         near: the most momentum that does not yet oscillate along the slow direction
     */
    public record Sweep(double learningRate, double[] momenta, double[][] values, double criticalMomentum) {
    }

    private LandscapeGrid() {
    }

    static double coordinate(double min, double max, int k, int n) {
        return n == 1 ? (min + max) / 2 : min + (max - min) * k / (n - 1);
    }

    /** f on an nx × ny grid over the window. */
    public static Values evaluate(Landscape surface, Window window, int nx, int ny) {
        checkGrid(nx, ny);
        double[] f = new double[nx * ny];
        int rows = Math.max(1, PIECE / nx);
        for (int j0 = 0; j0 < ny; j0 += rows) {
            int n = Math.min(rows, ny - j0);
            Tensor[] xy = starts(window, nx, ny, j0, n);
            Optional<Lesson> lesson = surface.compileOver(xy[0], xy[1]);
            if (lesson.isPresent()) {
                lesson.get().forward();
                for (int k = 0; k < n * nx; k++) {
                    f[j0 * nx + k] = lesson.get().output().value().get(k);
                }
            } else {
                for (int k = 0; k < n * nx; k++) {
                    f[j0 * nx + k] = surface.value(xy[0].value().get(k), xy[1].value().get(k));
                }
            }
        }
        return new Values(window, nx, ny, f);
    }

    /**
     * Runs the method from every start of an nx × ny grid for {@code steps} updates and says which minimum each ends
     * near. Gradient noise, when set, is drawn per start and step from the one seeded generator.
     *
     * @throws CancellationException when progress says to stop
     */
    public static Basins basins(Landscape surface, Method method, Settings settings, Window window, int nx, int ny,
                                int steps, List<Landmark> minima, Progress progress) {
        checkGrid(nx, ny);
        int rows = Math.max(1, PIECE / nx);
        int pieces = (ny + rows - 1) / rows;
        int[] ending = new int[nx * ny];
        Random noise = new Random(settings.seed());
        double near = Basins.NEAR * Math.min(window.width(), window.height());
        int piece = 0;
        for (int j0 = 0; j0 < ny; j0 += rows, piece++) {
            int n = Math.min(rows, ny - j0);
            Tensor[] xy = starts(window, nx, ny, j0, n);
            Lesson lesson = surface.compileOver(xy[0], xy[1]).orElse(null);
            double[][] ends = lesson == null
                    ? pointByPoint(surface, method, settings, xy, steps)
                    : together(lesson, method, settings, steps, noise, piece, pieces, progress);
            for (int k = 0; k < n * nx; k++) {
                ending[j0 * nx + k] = classify(ends[0][k], ends[1][k], minima, near);
            }
            if (!progress.report((piece + 1) * steps, pieces * steps)) {
                throw new CancellationException("basin map cancelled");
            }
        }
        return new Basins(window, nx, ny, method, List.copyOf(minima), ending);
    }

    /** Every start of a piece at once: x and y as matrices through the one training step (or Newton's). */
    private static double[][] together(Lesson lesson, Method method, Settings settings, int steps,
                                       Random noise, int piece, int pieces, Progress progress) {
        Tensor x = lesson.tensor("x").orElseThrow();
        Tensor y = lesson.tensor("y").orElseThrow();
        int n = x.size();
        TrainingStep step = method == Method.NEWTON ? null
                : new TrainingStep(Walk.optimizer(method, settings, List.of(x, y)), new Clipping.None());
        TrainingStep.Watcher watcher = new TrainingStep.Watcher() {
            @Override
            public void backpropagated(double loss) {
                addNoise(x, y, settings.noise(), noise);
            }
        };
        double[] gx = new double[n];
        double[] gy = new double[n];
        double[] hxx = new double[n];
        double[] hxy = new double[n];
        double[] hyy = new double[n];
        for (int t = 0; t < steps; t++) {
            if (step != null) {
                step.run(lesson.objective(), watcher);
            } else {
                NewtonStep.gradients(lesson, x, y, gx, gy);
                addNoise(x, y, settings.noise(), noise);
                NewtonStep.hessians(lesson, x, y, hxx, hxy, hyy);
                for (int k = 0; k < n; k++) {
                    NewtonStep.Delta d = NewtonStep.delta(x.grad().get(k), y.grad().get(k),
                            new Hessian(hxx[k], hxy[k], hyy[k]), settings.learningRate());
                    x.value().set(k, x.value().get(k) + d.dx());
                    y.value().set(k, y.value().get(k) + d.dy());
                }
            }
            if (t % 25 == 24 && !progress.report(piece * steps + t + 1, pieces * steps)) {
                throw new CancellationException("basin map cancelled");
            }
        }
        double[][] ends = new double[2][n];
        for (int k = 0; k < n; k++) {
            ends[0][k] = x.value().get(k);
            ends[1][k] = y.value().get(k);
        }
        return ends;
    }

    private static double[][] pointByPoint(Landscape surface, Method method, Settings settings, Tensor[] xy,
                                           int steps) {
        int n = xy[0].size();
        double[][] ends = new double[2][n];
        for (int k = 0; k < n; k++) {
            Landscape.Path path = surface.run(method, settings, xy[0].value().get(k), xy[1].value().get(k), steps);
            boolean overflowed = path.stoppedAt() >= 0;
            ends[0][k] = overflowed ? Double.NaN : path.last().x();
            ends[1][k] = overflowed ? Double.NaN : path.last().y();
        }
        return ends;
    }

    private static void addNoise(Tensor x, Tensor y, double sigma, Random noise) {
        if (sigma > 0) {
            for (int k = 0; k < x.size(); k++) {
                x.grad().set(k, x.grad().get(k) + sigma * noise.nextGaussian());
                y.grad().set(k, y.grad().get(k) + sigma * noise.nextGaussian());
            }
        }
    }

    private static int classify(double x, double y, List<Landmark> minima, double near) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Basins.DIVERGED;
        }
        int best = Basins.OTHER;
        double bestDistance = near;
        for (int m = 0; m < minima.size(); m++) {
            double d = Math.hypot(x - minima.get(m).x(), y - minima.get(m).y());
            if (d <= bestDistance) {
                best = m;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The sweep of momenta on one start, with the critical μ for the learning rate. */
    public static Sweep momentumSweep(Landscape surface, double learningRate, double[] momenta, XY start, int steps) {
        double[][] values = new double[momenta.length][steps + 1];
        Settings base = Settings.of(learningRate);
        for (int k = 0; k < momenta.length; k++) {
            Landscape.Path path = surface.run(Method.MOMENTUM, base.withMomentum(momenta[k]), start.x(), start.y(),
                    steps);
            Arrays.fill(values[k], Double.NaN);
            for (int t = 0; t < path.points().size(); t++) {
                values[k][t] = path.points().get(t).f();
            }
        }
        return new Sweep(learningRate, momenta.clone(), values,
                criticalMomentum(surface, learningRate, start, steps));
    }

    /**
     * The critical μ = (1 − √(η·λ))² for the smallest curvature λ where gradient descent from {@code start} is after
     * {@code steps} updates (the minimum it nears); NaN where λ ≤ 0 or η·λ ≥ 1.
     */
    public static double criticalMomentum(Landscape surface, double learningRate, XY start, int steps) {
        Landscape.Point end = surface.run(Method.SGD, Settings.of(learningRate), start.x(), start.y(), steps).last();
        double lambda = surface.hessian(end.x(), end.y()).eigenvalues()[0];
        double root = Math.sqrt(learningRate * lambda);
        return lambda > 0 && root < 1 ? (1 - root) * (1 - root) : Double.NaN;
    }

    /** x and y of rows j0 … j0 + n − 1 of the grid, as n × nx matrices. */
    private static Tensor[] starts(Window window, int nx, int ny, int j0, int n) {
        double[][] xs = new double[n][nx];
        double[][] ys = new double[n][nx];
        for (int r = 0; r < n; r++) {
            double yv = coordinate(window.yMin(), window.yMax(), j0 + r, ny);
            for (int i = 0; i < nx; i++) {
                xs[r][i] = coordinate(window.xMin(), window.xMax(), i, nx);
                ys[r][i] = yv;
            }
        }
        return new Tensor[] {Tensor.of(xs), Tensor.of(ys)};
    }

    private static void checkGrid(int nx, int ny) {
        if (nx < 1 || ny < 1 || (long) nx * ny > 1_000_000) {
            throw new IllegalArgumentException("a grid needs 1 to 1,000,000 points, not " + nx + " × " + ny);
        }
    }
}
