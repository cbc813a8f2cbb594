package org.backproplab.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.backproplab.data.ToyData;
import org.backproplab.engine.Tensor;
import org.backproplab.labs.Landscape.Window;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.nn.Linear;

/**
 * A 2-D slice of a real network's loss: L(θ* + α·d₁ + β·d₂) on a grid of (α, β) around the trained weights θ* of the
 * playground's network, with the loss the playground itself computes (its mean data loss on the training points, by
 * the engine's forward pass). Two kinds of plane (Li et al., "Visualizing the Loss Landscape of Neural Nets", 2018):
 * <ul>
 *   <li>{@link #random}: two Gaussian directions, filter-normalised — each filter of a direction (a neuron's incoming
 *       weights: a column of a layer's [inputs × neurons] weight matrix) scaled to the norm of the same filter of θ*,
 *       biases given no direction, as the paper does — so that the slice's scale means the same in every layer;</li>
 *   <li>{@link #trajectory}: the two principal directions of the training run's checkpoints θₜ − θ*, with the paths of
 *       mini-batch SGD and of full-batch gradient descent from the same first weights projected on it (random
 *       directions in many dimensions are nearly orthogonal to a path, which would look like a dot).</li>
 * </ul>
 * The network's weights are put back exactly as they were when a slice is done.
 */
public final class LossSlice {

    /**
     * A slice.
     *
     * @param loss        the loss on the grid: α along x, β along y
     * @param originLoss  the loss at α = β = 0: the network's own loss with its trained weights
     * @param paths       the projected training paths (trajectory slices; empty for random ones): SGD first, then GD
     * @param pathLosses  each path's loss after each epoch (the start first)
     * @param explained   the share of the checkpoints' variance each direction explains (trajectory slices)
     */
    public record Slice(LandscapeGrid.Values loss, double originLoss, List<List<XY>> paths, List<double[]> pathLosses,
                        double[] explained) {
    }

    private LossSlice() {
    }

    /** A playground network (the browser playground's defaults) trained on a 2-D dataset, to slice. */
    public static Playground playground(ToyData.Kind data, int batchSize, long seed) {
        Random rng = new Random(seed);
        ToyData.Points[] split = ToyData.split(ToyData.generate(data, 400, 0.1, rng), 0.5, rng);
        Playground.Config c = Playground.Config.defaults();
        Playground.Config config = new Playground.Config(c.features(), c.hidden(), c.activation(), 0.1,
                c.regularization(), c.regularizationRate(), batchSize, c.problem(), seed);
        return new Playground(config, split[0].xy(), split[0].labels(), split[1].xy(), split[1].labels());
    }

    /** The slice along two filter-normalised random directions, α and β from −radius to radius. */
    public static Slice random(Playground net, long seed, double radius, int n, LandscapeGrid.Progress progress) {
        List<Tensor> params = net.network().parameters();
        double[] theta = flatten(params);
        Random rng = new Random(seed);
        double[] d1 = filterNormalised(net, theta, rng);
        double[] d2 = filterNormalised(net, theta, rng);
        Window window = new Window(-radius, radius, -radius, radius);
        LandscapeGrid.Values values = grid(net, theta, d1, d2, window, n, progress);
        return new Slice(values, originLoss(net, theta), List.of(), List.of(), new double[0]);
    }

    /**
     * Trains two copies of the network from the same first weights for {@code epochs} epochs — mini-batch SGD as
     * configured, and full-batch gradient descent — and slices the loss around SGD's end on the plane of its path's
     * two principal directions. Returns the slice, its network (at SGD's end) left as trained.
     */
    public static Slice trajectory(ToyData.Kind data, int batchSize, long seed, int epochs, int n,
                                   LandscapeGrid.Progress progress) {
        Playground sgd = playground(data, batchSize, seed);
        Playground gd = playground(data, Integer.MAX_VALUE / 2, seed);
        List<double[]> sgdPath = new ArrayList<>();
        List<double[]> gdPath = new ArrayList<>();
        double[] sgdLoss = new double[epochs + 1];
        double[] gdLoss = new double[epochs + 1];
        for (int e = 0; e <= epochs; e++) {
            if (e > 0) {
                sgd.epoch();
                gd.epoch();
            }
            sgdPath.add(flatten(sgd.network().parameters()));
            gdPath.add(flatten(gd.network().parameters()));
            sgdLoss[e] = sgd.loss(false);
            gdLoss[e] = gd.loss(false);
        }
        double[] theta = sgdPath.get(epochs);
        double[][] centred = new double[epochs + 1][];
        for (int e = 0; e <= epochs; e++) {
            centred[e] = minus(sgdPath.get(e), theta);
        }
        Principal pca = principal(centred);
        List<XY> sgdXY = project(sgdPath, theta, pca);
        List<XY> gdXY = project(gdPath, theta, pca);
        double reach = 0;
        for (List<XY> path : List.of(sgdXY, gdXY)) {
            for (XY p : path) {
                reach = Math.max(reach, Math.max(Math.abs(p.x()), Math.abs(p.y())));
            }
        }
        reach = reach > 0 ? reach * 1.25 : 1;
        Window window = new Window(-reach, reach, -reach, reach);
        LandscapeGrid.Values values = grid(sgd, theta, pca.d1, pca.d2, window, n, progress);
        return new Slice(values, originLoss(sgd, theta), List.of(sgdXY, gdXY), List.of(sgdLoss, gdLoss),
                new double[] {pca.explained1, pca.explained2});
    }

    private static double originLoss(Playground net, double[] theta) {
        set(net.network().parameters(), theta);
        return net.loss(false);
    }

    /** The loss at every (α, β) of the grid; the weights are θ* again afterwards, bit for bit. */
    static LandscapeGrid.Values grid(Playground net, double[] theta, double[] d1, double[] d2, Window window, int n,
                                     LandscapeGrid.Progress progress) {
        List<Tensor> params = net.network().parameters();
        double[] f = new double[n * n];
        double[] w = new double[theta.length];
        try {
            for (int j = 0; j < n; j++) {
                double b = LandscapeGrid.coordinate(window.yMin(), window.yMax(), j, n);
                for (int i = 0; i < n; i++) {
                    double a = LandscapeGrid.coordinate(window.xMin(), window.xMax(), i, n);
                    for (int k = 0; k < w.length; k++) {
                        w[k] = theta[k] + a * d1[k] + b * d2[k];
                    }
                    set(params, w);
                    f[j * n + i] = net.loss(false);
                }
                if (!progress.report(j + 1, n)) {
                    throw new CancellationException("slice cancelled");
                }
            }
        } finally {
            set(params, theta);
        }
        return new LandscapeGrid.Values(window, n, n, f);
    }

    /** A Gaussian direction whose every filter (a weight matrix's column) has the norm of θ*'s; biases get none. */
    static double[] filterNormalised(Playground net, double[] theta, Random rng) {
        double[] d = new double[theta.length];
        int offset = 0;
        for (Tensor p : net.network().parameters()) {
            boolean weight = net.layers().stream().map(Linear::weight).anyMatch(wt -> wt == p);
            if (weight) {
                int rows = p.rows();
                int cols = p.cols();
                for (int c = 0; c < cols; c++) {
                    double dn = 0;
                    double tn = 0;
                    for (int r = 0; r < rows; r++) {
                        int k = offset + r * cols + c;
                        d[k] = rng.nextGaussian();
                        dn += d[k] * d[k];
                        tn += theta[k] * theta[k];
                    }
                    double scale = dn > 0 ? Math.sqrt(tn / dn) : 0;
                    for (int r = 0; r < rows; r++) {
                        d[offset + r * cols + c] *= scale;
                    }
                }
            }
            offset += p.size();
        }
        return d;
    }

    /** The two leading principal directions of rows (orthonormal) and the variance share of each. */
    record Principal(double[] d1, double[] d2, double explained1, double explained2) {
    }

    /**
     * Power iteration on the rows' scatter matrix MᵀM, applied as Mᵀ(M·v) without forming it, the second direction
     * kept orthogonal to the first (Gram–Schmidt) at every iteration.
     */
    static Principal principal(double[][] rows) {
        int dim = rows[0].length;
        double total = 0;
        for (double[] r : rows) {
            total += dot(r, r);
        }
        double[] d1 = leading(rows, dim, null);
        double[] d2 = leading(rows, dim, d1);
        double l1 = variance(rows, d1);
        double l2 = variance(rows, d2);
        return new Principal(d1, d2, total > 0 ? l1 / total : 0, total > 0 ? l2 / total : 0);
    }

    private static double[] leading(double[][] rows, int dim, double[] orthogonalTo) {
        Random rng = new Random(dim);
        double[] v = new double[dim];
        for (int k = 0; k < dim; k++) {
            v[k] = rng.nextGaussian();
        }
        for (int it = 0; it < 500; it++) {
            if (orthogonalTo != null) {
                axpy(-dot(v, orthogonalTo), orthogonalTo, v);
            }
            normalise(v);
            double[] next = new double[dim];
            for (double[] r : rows) {
                axpy(dot(r, v), r, next);
            }
            if (orthogonalTo != null) {
                axpy(-dot(next, orthogonalTo), orthogonalTo, next);
            }
            if (normalise(next) == 0) {
                return v;
            }
            v = next;
        }
        return v;
    }

    private static double variance(double[][] rows, double[] d) {
        double s = 0;
        for (double[] r : rows) {
            double p = dot(r, d);
            s += p * p;
        }
        return s;
    }

    /** Each point's coordinates on the plane: its dot products with the orthonormal directions. */
    static List<XY> project(List<double[]> points, double[] origin, Principal pca) {
        List<XY> out = new ArrayList<>();
        for (double[] p : points) {
            double[] c = minus(p, origin);
            out.add(new XY(dot(c, pca.d1), dot(c, pca.d2)));
        }
        return out;
    }

    static double[] flatten(List<Tensor> params) {
        int size = params.stream().mapToInt(Tensor::size).sum();
        double[] out = new double[size];
        int k = 0;
        for (Tensor p : params) {
            for (int i = 0; i < p.size(); i++) {
                out[k++] = p.value().get(i);
            }
        }
        return out;
    }

    static void set(List<Tensor> params, double[] values) {
        int k = 0;
        for (Tensor p : params) {
            for (int i = 0; i < p.size(); i++) {
                p.value().set(i, values[k++]);
            }
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] - b[k];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }

    private static double normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= n;
            }
        }
        return n;
    }
}
