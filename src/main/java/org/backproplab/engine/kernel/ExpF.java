package org.backproplab.engine.kernel;

/**
 * exp in float32 from basic operations only (Cephes' expf): x = k·ln 2 + r with k a whole number and
 * |r| ≤ ln 2 / 2, exp(r) by a degree-6 polynomial, and 2^k put into the exponent bits. Within 2 ulp of
 * {@code (float) Math.exp(x)}; written so that {@link VectorFloatOps#exp} can repeat it lane by lane with the
 * same bits. Inputs below {@link #LOWEST} give 0 (float's normal range ends there; softmax never needs more),
 * above {@link #HIGHEST} infinity, NaN NaN.
 */
final class ExpF {

    static final float LOWEST = -87.33654f;
    static final float HIGHEST = 88.37626f;
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 · 2^23: adding it rounds a float of small magnitude to a whole number, half to even. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    private ExpF() {
    }

    static float of(float v) {
        float clamped = Math.min(Math.max(v, LOWEST), HIGHEST);
        float shifted = Math.fma(clamped, LOG2E, ROUNDER);
        float k = shifted - ROUNDER;
        float r = Math.fma(k, -LN2_HI, clamped);
        r = Math.fma(k, -LN2_LO, r);
        float p = Math.fma(r, P0, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        p = Math.fma(p, r * r, r) + 1f;
        int bits = (Float.floatToRawIntBits(shifted) - ROUNDER_BITS + 127) << 23;
        float y = p * Float.intBitsToFloat(bits);
        return v < LOWEST ? 0f : v > HIGHEST ? Float.POSITIVE_INFINITY : y;
    }
}
