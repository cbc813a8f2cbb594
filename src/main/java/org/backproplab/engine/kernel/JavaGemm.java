package org.backproplab.engine.kernel;

import java.util.Arrays;

/**
 * Plain Java loops: the fallback where the Vector API module is absent, and the float64 kernel everywhere.
 * The i-k-j order keeps the innermost loop a contiguous a·x + y over a row of C, which the JIT vectorises; a
 * transposed B is laid out as k×n first so that the loop stays contiguous.
 */
public final class JavaGemm implements Gemm {

    @Override
    public String name() {
        return "plain Java";
    }

    @Override
    public void f32(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        float[] bn = b;
        if (transB) {
            bn = new float[k * n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bn[p * n + j] = b[j * k + p];
                }
            }
        }
        Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[p * m + i] : a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * bn[bp + j];
                }
            }
        }
    }

    @Override
    public void f64(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        double[] bn = b;
        if (transB) {
            bn = new double[k * n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bn[p * n + j] = b[j * k + p];
                }
            }
        }
        Arrays.fill(c, 0, m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = transA ? a[p * m + i] : a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * bn[bp + j];
                }
            }
        }
    }
}
