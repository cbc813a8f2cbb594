package org.backproplab.engine.kernel;

/**
 * Element-wise float32 loops of the training hot path that the JIT does not vectorise by itself (a data-
 * dependent choice per element becomes a branch that random signs mispredict half the time).
 */
public interface FloatOps {

    /** d[i] = x[i] > 0 ? g[i] : 0, ReLU's backward. */
    void reluBackward(float[] x, float[] g, float[] d);

    /** The plain-Java version, also the reference for the vector one. */
    final class Plain implements FloatOps {
        @Override
        public void reluBackward(float[] x, float[] g, float[] d) {
            for (int i = 0; i < d.length; i++) {
                d[i] = x[i] > 0 ? g[i] : 0f;
            }
        }
    }
}
