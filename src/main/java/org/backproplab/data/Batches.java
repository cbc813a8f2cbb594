package org.backproplab.data;

import java.util.Random;

/**
 * Seeded mini-batches over a split: the order is reshuffled at the start of every epoch (Fisher–Yates with
 * the generator handed in), and the last, partial batch is kept, as Keras does. Gathering writes into the
 * caller's buffers, so an epoch allocates nothing.
 */
public final class Batches {

    private final Mnist.Split split;
    private final int batchSize;
    private final Random rng;
    private final int[] order;

    public Batches(Mnist.Split split, int batchSize, Random rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.split = split;
        this.batchSize = batchSize;
        this.rng = rng;
        this.order = new int[split.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch, the last one possibly partial. */
    public int count() {
        return (split.count() + batchSize - 1) / batchSize;
    }

    /** The size of batch b (the last may be smaller). */
    public int size(int b) {
        return Math.min(batchSize, split.count() - b * batchSize);
    }

    public void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The index in the split of the {@code k}-th example of batch {@code b}. */
    public int index(int b, int k) {
        return order[b * batchSize + k];
    }

    /** Writes batch b's pixels (scaled) into {@code x} and its one-hot labels into {@code y}. */
    public void gather(int b, float[] x, float[] y) {
        gather(split, order, b * batchSize, size(b), x, y);
    }

    /** Writes examples order[from..from+n) of the split into x (n×pixels) and y (n×10 one-hot). */
    public static void gather(Mnist.Split split, int[] order, int from, int n, float[] x, float[] y) {
        int p = split.pixelsPerImage();
        byte[] pixels = split.pixels();
        java.util.Arrays.fill(y, 0, n * 10, 0f);
        for (int k = 0; k < n; k++) {
            int i = order == null ? from + k : order[from + k];
            int src = i * p;
            int dst = k * p;
            for (int q = 0; q < p; q++) {
                x[dst + q] = Pixels.SCALE[pixels[src + q] & 0xff];
            }
            y[k * 10 + split.label(i)] = 1f;
        }
    }
}
