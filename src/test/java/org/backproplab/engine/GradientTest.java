package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lazy zeroing: zero() costs nothing, a read clears, an op that overwrites every element skips the clearing. */
class GradientTest {

    @Test
    void zeroingIsLazyAndAnOverwritingOpSkipsTheClearing() {
        Gradient g = new Gradient(DType.F32, 3);
        assertFalse(g.isHeld());
        Buffer b = g.first(false);
        b.fill(7);
        assertTrue(g.isHeld());
        g.zero();
        assertFalse(g.isHeld(), "zeroed: the next contribution is the first");
        assertArrayEquals(new double[] {7, 7, 7}, b.toDoubles(), "zero() leaves the buffer alone");
        assertSame(b, g.first(true), "an op that overwrites every element gets the buffer as it is");
        assertArrayEquals(new double[] {7, 7, 7}, b.toDoubles(), "...without a pass clearing it");
        g.zero();
        assertArrayEquals(new double[3], g.read().toDoubles(), "a read of a zeroed gradient gives zeros");
        g.first(false).fill(2);
        g.add(new F32Buffer(new float[] {1, 2, 3}));
        assertArrayEquals(new double[] {3, 4, 5}, g.read().toDoubles(), "later contributions add up");
        g.zero();
        assertArrayEquals(new double[3], g.first(false).toDoubles(), "an op that adds gets zeros");
        g.zero();
        g.seed();
        assertArrayEquals(new double[] {1, 1, 1}, g.read().toDoubles());
    }
}
