package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The plain and the vector pixel loops give the same floats, equal to b / 255f for every byte value. */
class PixelsTest {

    @Test
    void pixelLoopsAgreeWithDivisionBy255ForEveryByte() {
        Pixels.Scaler vector = Pixels.vectorOrNull();
        assertNotNull(vector, "tests run with --add-modules jdk.incubator.vector; the fast path must load");
        byte[] all = new byte[256 + 7 + 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 37 + 11);
        }
        for (int n : new int[] {0, 1, 15, 16, 17, 256}) {
            float[] plain = new float[n + 2];
            float[] fast = new float[n + 2];
            Pixels.PLAIN.toUnit(all, 3, plain, 1, n);
            vector.toUnit(all, 3, fast, 1, n);
            assertArrayEquals(plain, fast);
            assertEquals(0f, fast[0]);
            assertEquals(0f, fast[n + 1]);
            for (int i = 0; i < n; i++) {
                int v = all[3 + i] & 0xff;
                assertEquals(v / 255f, fast[1 + i]);
            }
        }
        float[] ends = new float[2];
        vector.toUnit(new byte[] {0, (byte) 255}, 0, ends, 0, 2);
        assertEquals(0f, ends[0]);
        assertEquals(1f, ends[1]);
    }

    @Test
    void thePublicLoopIsOneOfTheTwo() {
        byte[] src = {0, 1, (byte) 128, (byte) 254, (byte) 255};
        float[] dst = new float[src.length];
        Pixels.toUnit(src, 0, dst, 0, src.length);
        for (int i = 0; i < src.length; i++) {
            assertEquals((src[i] & 0xff) / 255f, dst[i]);
            assertEquals(dst[i], Pixels.unit(src[i]));
        }
    }
}
