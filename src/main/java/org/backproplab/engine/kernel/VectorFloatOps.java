package org.backproplab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link FloatOps} with the Vector API: a compare and a blend per vector instead of a branch per element. */
final class VectorFloatOps implements FloatOps {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public void reluBackward(float[] x, float[] g, float[] d) {
        int i = 0;
        for (int bound = S.loopBound(d.length); i < bound; i += S.length()) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            FloatVector gv = FloatVector.fromArray(S, g, i);
            gv.blend(0f, xv.compare(VectorOperators.GT, 0f).not()).intoArray(d, i);
        }
        for (; i < d.length; i++) {
            d[i] = x[i] > 0 ? g[i] : 0f;
        }
    }
}
