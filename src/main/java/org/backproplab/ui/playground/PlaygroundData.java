package org.backproplab.ui.playground;

import java.util.Random;

import org.backproplab.data.ToyData;
import org.backproplab.labs.Playground;

/**
 * The points the playground trains and tests on, split, with what the views need to draw them: where they come
 * from (a shape or a file), the square they are drawn in and the range of their labels. Immutable.
 *
 * @param source    the shape's id ({@code circle}) or the file's name
 * @param fromFile  true when the points were read from a CSV file
 * @param extent    the points are drawn, and the boundary computed, on [−extent, extent]²
 */
public record PlaygroundData(String source, boolean fromFile, ToyData.Points train, ToyData.Points test, double extent,
                             double labelMin, double labelMax) {

    /** How many points a shape has, as in the browser playground. */
    public static final int COUNT = 500;
    /** The shapes are drawn on [−6, 6]²; a file whose points reach further gets a larger square. */
    public static final double EXTENT = 6;

    /** A shape with noise (0 to 0.5), split with {@code trainShare} for training; {@code seed} makes it again. */
    public static PlaygroundData generate(ToyData.Kind kind, double noise, double trainShare, long seed) {
        ToyData.Points all = ToyData.generate(kind, COUNT, noise, new Random(seed));
        return split(kind.id(), false, all, trainShare, seed);
    }

    /** Points read from a file, split the same way. */
    public static PlaygroundData fromFile(String name, ToyData.Points all, double trainShare, long seed) {
        return split(name, true, all, trainShare, seed);
    }

    private static PlaygroundData split(String source, boolean fromFile, ToyData.Points all, double trainShare,
                                        long seed) {
        ToyData.Points[] parts = ToyData.split(all, trainShare, new Random(seed ^ 0x5DEECE66DL));
        double reach = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < all.size(); i++) {
            reach = Math.max(reach, Math.max(Math.abs(all.xy()[i][0]), Math.abs(all.xy()[i][1])));
            min = Math.min(min, all.labels()[i]);
            max = Math.max(max, all.labels()[i]);
        }
        // A generated shape stays on the usual square even when noise throws a point outside it.
        double extent = fromFile && reach > EXTENT ? niceCeiling(reach * 1.05) : EXTENT;
        return new PlaygroundData(source, fromFile, parts[0], parts[1], extent, min, max);
    }

    /** A new network of {@code config} that trains on these training points and is tested on these test points. */
    public Playground playground(Playground.Config config) {
        return new Playground(config, train.xy(), train.labels(), test.xy(), test.labels());
    }

    /** True when every label is 0 or 1, as classification needs. */
    public boolean binaryLabels() {
        return allBinary(train) && allBinary(test);
    }

    private static boolean allBinary(ToyData.Points points) {
        for (double label : points.labels()) {
            if (label != 0 && label != 1) {
                return false;
            }
        }
        return true;
    }

    /** A round number at least v: 1, 2 or 5 times a power of ten. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
