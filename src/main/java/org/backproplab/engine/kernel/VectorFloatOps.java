package org.backproplab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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

    /** {@link ExpF#of} lane by lane: the same operations in the same order, so the same bits. */
    @Override
    public void exp(float[] x, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector clamped = v.max(ExpF.LOWEST).min(ExpF.HIGHEST);
            FloatVector shifted = clamped.fma(FloatVector.broadcast(S, ExpF.LOG2E), FloatVector.broadcast(S, ExpF.ROUNDER));
            FloatVector k = shifted.sub(ExpF.ROUNDER);
            FloatVector r = k.fma(FloatVector.broadcast(S, -ExpF.LN2_HI), clamped);
            r = k.fma(FloatVector.broadcast(S, -ExpF.LN2_LO), r);
            FloatVector p = r.fma(FloatVector.broadcast(S, ExpF.P0), FloatVector.broadcast(S, ExpF.P1));
            p = p.fma(r, FloatVector.broadcast(S, ExpF.P2));
            p = p.fma(r, FloatVector.broadcast(S, ExpF.P3));
            p = p.fma(r, FloatVector.broadcast(S, ExpF.P4));
            p = p.fma(r, FloatVector.broadcast(S, ExpF.P5));
            p = p.fma(r.mul(r), r).add(1f);
            IntVector bits = ((IntVector) shifted.reinterpretAsInts()).sub(ExpF.ROUNDER_BITS).add(127)
                    .lanewise(VectorOperators.LSHL, 23);
            FloatVector y = p.mul(bits.reinterpretAsFloats());
            y.blend(0f, v.compare(VectorOperators.LT, ExpF.LOWEST))
                    .blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.GT, ExpF.HIGHEST)).intoArray(x, i);
        }
        for (; i < n; i++) {
            x[i] = ExpF.of(x[i]);
        }
    }
}
