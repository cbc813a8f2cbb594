package org.backproplab.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one shuffle and the batch order every training loop draws from. */
class MiniBatchesTest {

    @Test
    void anEpochVisitsEveryExampleOnceWithAShorterLastBatch() {
        MiniBatches b = new MiniBatches(10, 4, new Random(1));
        b.shuffle();
        assertEquals(3, b.batches());
        assertEquals(4, b.size(0));
        assertEquals(2, b.size(2));
        assertEquals(8, b.from(2));
        int[] sorted = b.order().clone();
        Arrays.sort(sorted);
        assertArrayEquals(Shuffle.identity(10), sorted);
        assertFalse(Arrays.equals(Shuffle.identity(10), b.order()), "shuffled");
    }

    @Test
    void sameSeedSameOrderAndTheShuffleIsFisherYates() {
        int[] a = Shuffle.shuffled(50, new Random(7));
        int[] b = Shuffle.shuffled(50, new Random(7));
        assertArrayEquals(a, b);
        // Fisher–Yates from the top: the last element swaps with nextInt(n), as every loop did before.
        Random r = new Random(7);
        int[] expected = Shuffle.identity(50);
        int j = r.nextInt(50);
        int t = expected[49];
        expected[49] = expected[j];
        expected[j] = t;
        assertEquals(expected[49], a[49]);
    }

    @Test
    void theStreamGivesFullBatchesAndReshufflesWhenTheRestIsShort() {
        MiniBatches b = new MiniBatches(10, 4, new Random(3));
        b.shuffle();
        int[] first = b.order().clone();
        assertEquals(0, b.nextFull());
        assertEquals(4, b.nextFull());
        assertArrayEquals(first, b.order(), "no reshuffle while a full batch remains");
        assertEquals(0, b.nextFull(), "two left: a new permutation from its start");
        assertFalse(Arrays.equals(first, b.order()));
        assertEquals(4, b.nextFull());
    }

    @Test
    void aBatchLargerThanTheDataIsTheWholeData() {
        MiniBatches b = new MiniBatches(3, 8, new Random(3));
        assertEquals(1, b.batches());
        assertEquals(3, b.size(0));
        assertEquals(0, b.nextFull());
        assertEquals(0, b.nextFull());
    }

    @Test
    void emptyDataOrBatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MiniBatches(0, 4, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> new MiniBatches(4, 0, new Random(1)));
    }
}
