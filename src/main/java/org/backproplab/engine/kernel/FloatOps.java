package org.backproplab.engine.kernel;

/**
 * Element-wise float32 loops of the training hot path that the JIT does not vectorise by itself (a data-
 * dependent choice per element becomes a branch that random signs mispredict half the time).
 */
public interface FloatOps {

    /** d[i] = x[i] > 0 ? g[i] : 0, ReLU's backward. */
    void reluBackward(float[] x, float[] g, float[] d);

    /**
     * x[i] = exp(x[i]) for i &lt; n, in float32, by {@link ExpF}'s polynomial: the same bits from the plain and the
     * vector loop, and before and after the JIT compiles them (the Vector API's own EXP is not: its Java fallback
     * and its compiled SVML version differ in the last bit, so a training run would depend on JIT timing).
     */
    void exp(float[] x, int n);

    /** The plain-Java version, also the reference for the vector one. */
    final class Plain implements FloatOps {
        @Override
        public void reluBackward(float[] x, float[] g, float[] d) {
            for (int i = 0; i < d.length; i++) {
                d[i] = x[i] > 0 ? g[i] : 0f;
            }
        }

        @Override
        public void exp(float[] x, int n) {
            for (int i = 0; i < n; i++) {
                x[i] = ExpF.of(x[i]);
            }
        }
    }
}
