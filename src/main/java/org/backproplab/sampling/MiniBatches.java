package org.backproplab.sampling;

import java.util.Random;

/**
 * The order in which a training loop visits {@code count} examples in batches of {@code size}: a permutation of the
 * examples, reshuffled from the seeded generator at each epoch. Two ways to walk it: by epoch ({@link #shuffle},
 * then batches 0 to {@link #batches()} − 1, the last one possibly shorter), or as an endless stream of full batches
 * ({@link #nextFull}), which reshuffles whenever the rest of the permutation is shorter than a batch.
 */
public final class MiniBatches {

    private final int[] order;
    private final int size;
    private final Random rng;
    private int cursor;

    public MiniBatches(int count, int size, Random rng) {
        if (count < 1 || size < 1) {
            throw new IllegalArgumentException("mini-batches need at least one example and a batch size of at least 1, "
                    + "got " + count + " examples in batches of " + size);
        }
        this.order = Shuffle.identity(count);
        this.size = size;
        this.rng = rng;
    }

    /** The current permutation; batch {@code b} is {@code order()[from(b) .. from(b) + size(b))}. */
    public int[] order() {
        return order;
    }

    /** How many examples. */
    public int count() {
        return order.length;
    }

    /** Batches per epoch, the last one possibly shorter. */
    public int batches() {
        return (order.length + size - 1) / size;
    }

    /** Where batch {@code b} of the epoch starts in {@link #order()}. */
    public int from(int b) {
        return b * size;
    }

    /** How many examples batch {@code b} of the epoch has. */
    public int size(int b) {
        return Math.min(size, order.length - b * size);
    }

    /** A new epoch: a fresh random order, and the stream starts again from its beginning. */
    public void shuffle() {
        Shuffle.shuffle(order, rng);
        cursor = 0;
    }

    /**
     * The start in {@link #order()} of the next full batch of the stream (of {@code min(size, count)} examples),
     * after a reshuffle when fewer than that remain.
     */
    public int nextFull() {
        int rows = Math.min(size, order.length);
        if (cursor + rows > order.length) {
            shuffle();
        }
        int from = cursor;
        cursor += rows;
        return from;
    }
}
