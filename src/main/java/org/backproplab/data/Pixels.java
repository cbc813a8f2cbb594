package org.backproplab.data;

import java.util.Objects;
import org.backproplab.engine.kernel.Kernels;

/**
 * MNIST's pixel bytes scaled to [0, 1] as a batch is gathered: (b &amp; 0xff) / 255f, divided (not multiplied by
 * 1/255, which differs in the last bit for half the values) so the floats equal numpy's. Gathering a batch
 * scales 100,000 pixels, so the loop uses the Vector API wherever the kernels do ({@link Kernels#usesVectorApi}:
 * the module is present and not ruled out by {@code -Dbackproplab.kernel=java}); the plain loop otherwise.
 * Both give the same bits.
 */
public final class Pixels {

    /** One loop over n pixels: dst[d + i] = unit(src[s + i]) for i &lt; n. */
    interface Scaler {
        void toUnit(byte[] src, int s, float[] dst, int d, int n);
    }

    /** The plain-Java loop, also the reference for the vector one. */
    static final Scaler PLAIN = (src, s, dst, d, n) -> {
        for (int i = 0; i < n; i++) {
            dst[d + i] = unit(src[s + i]);
        }
    };

    private static final Scaler IN_USE = Kernels.usesVectorApi() ? Objects.requireNonNullElse(vectorOrNull(), PLAIN) : PLAIN;

    private Pixels() {
    }

    /** One pixel byte (0–255, stored signed) scaled to [0, 1]. */
    public static float unit(byte pixel) {
        return (pixel & 0xff) / 255f;
    }

    /** dst[d + i] = unit(src[s + i]) for i &lt; n. */
    public static void toUnit(byte[] src, int s, float[] dst, int d, int n) {
        IN_USE.toUnit(src, s, dst, d, n);
    }

    /** The Vector API loop, or null where the module is absent (so that tests can compare it with the plain one). */
    static Scaler vectorOrNull() {
        return Kernels.ifVectorApi(() -> new VectorPixels());
    }
}
