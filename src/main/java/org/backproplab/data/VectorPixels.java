package org.backproplab.data;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Pixels}' loop with the Vector API: bytes widened to ints, masked to 0–255, converted and divided a
 * vector at a time. Only loaded where the {@code jdk.incubator.vector} module is present.
 */
final class VectorPixels implements Pixels.Scaler {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    /** As many bytes as S has floats: one load widens to one float vector. */
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(S.length() * 8));

    @Override
    public void toUnit(byte[] src, int s, float[] dst, int d, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            IntVector widened = (IntVector) ByteVector.fromArray(B, src, s + i).convertShape(VectorOperators.B2I, I, 0);
            ((FloatVector) widened.and(0xff).convert(VectorOperators.I2F, 0)).div(255f).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] = Pixels.unit(src[s + i]);
        }
    }
}
