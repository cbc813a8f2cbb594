package org.backproplab.data;

/** Byte pixels to floats in [0, 1]: v / 255 in float32, as numpy computes it, by table. */
final class Pixels {

    static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255f;
        }
    }

    private Pixels() {
    }
}
