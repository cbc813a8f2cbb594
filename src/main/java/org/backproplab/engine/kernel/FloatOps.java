package org.backproplab.engine.kernel;

/**
 * The float32 element-wise (and row-wise) loops of the training hot path, which the engine's ops call in place
 * of their generic per-element rule when the data are float32. Each computes exactly what the op's rule computes
 * in float32, element for element, so a float32 network gives the same bits either way; the loops exist only to
 * take the per-element dispatch (and, for ReLU's backward and exp, a branch or a call per element) out of the
 * way. Where a rule has a kink, the loop makes the op's choice, and says so.
 *
 * <p>The loops the JIT vectorises by itself are written once, as default methods; {@link #reluBackward} and
 * {@link #exp} are not vectorised by the JIT (a data-dependent choice per element becomes a branch that random
 * signs mispredict half the time), so they have a plain version ({@link Plain}) and a Vector API one.
 */
public interface FloatOps {

    /** out[r·cols + c] = a[r·cols + c] + row[c]: add with a 1×cols row broadcast over a's rows (a dense layer's bias). */
    default void addRow(float[] a, float[] row, float[] out, int cols) {
        for (int base = 0; base < a.length; base += cols) {
            for (int c = 0; c < cols; c++) {
                out[base + c] = a[base + c] + row[c];
            }
        }
    }

    /**
     * The gradient of an input that add broadcast over g (∂c/∂input = 1, so its share is g, summed over the
     * elements it was repeated into): dst[0] += Σ g for a 1×1 input, else dst[c] += Σ_r g[r·cols + c] for a
     * 1×cols row.
     */
    default void addBroadcastSums(float[] g, float[] dst, int cols) {
        if (dst.length == 1) {
            float sum = 0;
            for (float v : g) {
                sum += v;
            }
            dst[0] += sum;
            return;
        }
        // Column sums, row after row, so that the inner loop runs over contiguous columns.
        for (int base = 0; base < g.length; base += cols) {
            for (int c = 0; c < cols; c++) {
                dst[c] += g[base + c];
            }
        }
    }

    /** out[i] = a[i] · b[i] for i &lt; out.length (dropout's mask, forward and backward). */
    default void multiply(float[] a, float[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * b[i];
        }
    }

    /** y[i] = max(x[i], 0), ReLU; a max, not a branch, so that the JIT vectorises it. */
    default void relu(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    /** d[i] = x[i] &gt; 0 ? g[i] : 0, ReLU's backward, with relu'(0) = 0 as in the op's rule. */
    void reluBackward(float[] x, float[] g, float[] d);

    /**
     * x[i] = exp(x[i]) for i &lt; n, in float32, by {@link ExpF}'s polynomial: the same bits from the plain and the
     * vector loop, and before and after the JIT compiles them (the Vector API's own EXP is not: its Java fallback
     * and its compiled SVML version differ in the last bit, so a training run would depend on JIT timing).
     */
    void exp(float[] x, int n);

    /**
     * Row-wise softmax of float32 logits v (rows×cols), as numpy computes it in float32: x − max in float, then
     * exp of the whole batch at once ({@link #exp}, one vector instruction sequence per 16 values where the Vector
     * API is present), sums and probabilities in double. Writes the probabilities into p and max + log Σ exp(x − max)
     * of each row into logSumExp; exps is scratch as large as v.
     */
    default void softmaxRows(float[] v, int rows, int cols, double[] p, double[] logSumExp, float[] exps) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, v[row + c]);
            }
            for (int c = 0; c < cols; c++) {
                exps[row + c] = v[row + c] - max;
            }
            logSumExp[r] = max;
        }
        exp(exps, rows * cols);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += exps[row + c];
            }
            for (int c = 0; c < cols; c++) {
                p[row + c] = exps[row + c] / sum;
            }
            logSumExp[r] += Math.log(sum);
        }
    }

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
