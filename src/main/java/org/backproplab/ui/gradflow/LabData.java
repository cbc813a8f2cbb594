package org.backproplab.ui.gradflow;

import java.util.Arrays;
import java.util.Random;

import org.backproplab.data.Mnist;
import org.backproplab.data.ToyData;
import org.backproplab.nn.Examples;

/**
 * The examples the lab trains on, as {@link Examples}: MNIST's 60,000 training images (784 pixels in [0, 1], ten
 * classes), or {@value #TOY_POINTS} points of a 2-D toy dataset (two coordinates scaled from [−6, 6] to [−1, 1], two
 * classes), generated from the lab's seed so that the same seed gives the same points.
 */
public final class LabData {

    public static final int TOY_POINTS = 1000;
    public static final double TOY_NOISE = 0.05;
    /** The toy datasets lie in [−6, 6]²; the lab feeds them in [−1, 1]², the range of MNIST's pixels' size. */
    static final double TOY_SCALE = 6;

    private LabData() {
    }

    public static Examples mnist(Mnist.Split train) {
        return new Examples(train.name(), train.count(), train.pixelsPerImage(), 10, train::gather);
    }

    public static Examples toy(ToyData.Kind kind, long seed) {
        ToyData.Points points = ToyData.generate(kind, TOY_POINTS, TOY_NOISE, new Random(seed));
        return new Examples(kind.id(), points.size(), 2, 2, (order, from, n, x, y) -> {
            Arrays.fill(y, 0, n * 2, 0f);
            for (int k = 0; k < n; k++) {
                int i = order == null ? from + k : order[from + k];
                x[2 * k] = (float) (points.xy()[i][0] / TOY_SCALE);
                x[2 * k + 1] = (float) (points.xy()[i][1] / TOY_SCALE);
                y[2 * k + (int) points.labels()[i]] = 1f;
            }
        });
    }

    /** Example i's features, as the network sees them. */
    public static double[] input(Examples data, int i) {
        float[] x = new float[data.features()];
        data.gatherer().gather(null, i, 1, x, new float[data.classes()]);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k];
        }
        return out;
    }

    /** Example i's class. */
    public static int label(Examples data, int i) {
        float[] y = new float[data.classes()];
        data.gatherer().gather(null, i, 1, new float[data.features()], y);
        for (int c = 0; c < y.length; c++) {
            if (y[c] == 1f) {
                return c;
            }
        }
        throw new IllegalStateException("example " + i + " of " + data.name() + " has no class");
    }
}
