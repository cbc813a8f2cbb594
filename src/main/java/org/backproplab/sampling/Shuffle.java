package org.backproplab.sampling;

import java.util.Random;

/** The one seeded shuffle: Fisher–Yates from the last element down, each swap partner drawn by {@code nextInt}. */
public final class Shuffle {

    private Shuffle() {
    }

    /** 0, 1, …, n − 1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Puts {@code order} into a random order drawn from {@code rng}, in place. */
    public static void shuffle(int[] order, Random rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** 0 … n − 1 in a random order drawn from {@code rng}. */
    public static int[] shuffled(int n, Random rng) {
        int[] order = identity(n);
        shuffle(order, rng);
        return order;
    }
}
