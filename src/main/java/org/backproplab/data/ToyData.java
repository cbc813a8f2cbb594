package org.backproplab.data;

import java.util.Locale;
import java.util.Random;
import org.backproplab.sampling.Shuffle;

/**
 * The playground's 2-D datasets, as the browser playground that classrooms know draws them, on the square
 * [−6, 6]²: circle, XOR, Gaussian clusters, spiral, and two moons. Labels are 0 and 1, half the points each.
 * Noise (0 to 0.5) jitters the points after they are labelled, so that with more noise the classes overlap.
 * Every random draw comes from the generator handed in: the same seed gives the same points.
 */
public final class ToyData {

    /** The shapes. */
    public enum Kind {
        CIRCLE, XOR, GAUSSIAN, SPIRAL, MOONS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown dataset '" + id + "'; use circle, xor, gaussian, spiral or moons");
        }
    }

    /** Points (x1, x2) with their labels. */
    public record Points(double[][] xy, double[] labels) {
        public int size() {
            return labels.length;
        }
    }

    private ToyData() {
    }

    public static Points generate(Kind kind, int count, double noise, Random rng) {
        if (count < 2 || noise < 0 || noise > 0.5) {
            throw new IllegalArgumentException("need at least 2 points and noise from 0 to 0.5");
        }
        double[][] xy = new double[count][];
        double[] labels = new double[count];
        for (int i = 0; i < count; i++) {
            int label = i < count / 2 ? 1 : 0;
            labels[i] = label;
            xy[i] = switch (kind) {
                case CIRCLE -> circle(label, noise, rng);
                case XOR -> xor(label, noise, rng);
                case GAUSSIAN -> gaussian(label, noise, rng);
                case SPIRAL -> spiral(label, i < count / 2 ? i : i - count / 2, count / 2, noise, rng);
                case MOONS -> moon(label, noise, rng);
            };
        }
        return new Points(xy, labels);
    }

    /** Label 1 inside radius 2.5, label 0 in the ring from 3.5 to 5. */
    private static double[] circle(int label, double noise, Random rng) {
        double radius = 5;
        double r = label == 1 ? uniform(rng, 0, radius * 0.5) : uniform(rng, radius * 0.7, radius);
        double angle = uniform(rng, 0, 2 * Math.PI);
        return new double[] {r * Math.sin(angle) + uniform(rng, -radius, radius) * noise,
                r * Math.cos(angle) + uniform(rng, -radius, radius) * noise};
    }

    /** Label 1 in the quadrants where x1·x2 > 0, points kept 0.3 away from the axes. */
    private static double[] xor(int label, double noise, Random rng) {
        double x = uniform(rng, 0.3, 5) * (rng.nextBoolean() ? 1 : -1);
        double y = uniform(rng, 0.3, 5) * Math.signum(x) * (label == 1 ? 1 : -1);
        return new double[] {x + uniform(rng, -5, 5) * noise, y + uniform(rng, -5, 5) * noise};
    }

    /** Two round clusters at (2, 2) and (−2, −2), wider with more noise. */
    private static double[] gaussian(int label, double noise, Random rng) {
        double spread = 0.5 + 7 * noise;
        double c = label == 1 ? 2 : -2;
        return new double[] {c + rng.nextGaussian() * spread, c + rng.nextGaussian() * spread};
    }

    /** Two interleaved arms, each turning 1.75 times round as it grows to radius 5. */
    private static double[] spiral(int label, int i, int n, double noise, Random rng) {
        double r = (double) i / n * 5;
        double t = 1.75 * i / n * 2 * Math.PI + (label == 1 ? 0 : Math.PI);
        return new double[] {r * Math.sin(t) + uniform(rng, -1, 1) * noise * 5,
                r * Math.cos(t) + uniform(rng, -1, 1) * noise * 5};
    }

    /** Two interlocking half circles, scaled to the square. */
    private static double[] moon(int label, double noise, Random rng) {
        double t = uniform(rng, 0, Math.PI);
        double x = label == 1 ? Math.cos(t) : 1 - Math.cos(t);
        double y = label == 1 ? Math.sin(t) : 0.5 - Math.sin(t);
        return new double[] {(x - 0.5) * 4 + rng.nextGaussian() * noise * 3, (y - 0.25) * 4 + rng.nextGaussian() * noise * 3};
    }

    private static double uniform(Random rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    /** Splits points into train and test (a shuffled copy; {@code trainShare} of them for training). */
    public static Points[] split(Points all, double trainShare, Random rng) {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("the training share must be between 0 and 1, got " + trainShare);
        }
        int n = all.size();
        int[] order = Shuffle.shuffled(n, rng);
        int cut = Math.max(1, Math.min(n - 1, (int) Math.round(n * trainShare)));
        return new Points[] {subset(all, order, 0, cut), subset(all, order, cut, n)};
    }

    private static Points subset(Points all, int[] order, int from, int to) {
        double[][] xy = new double[to - from][];
        double[] labels = new double[to - from];
        for (int i = from; i < to; i++) {
            xy[i - from] = all.xy()[order[i]].clone();
            labels[i - from] = all.labels()[order[i]];
        }
        return new Points(xy, labels);
    }
}
