package org.backproplab.engine;

import java.util.List;
import org.backproplab.engine.kernel.Gemm;
import org.backproplab.engine.kernel.Kernels;

/**
 * C = A · B. Backward: ∂L/∂A = ∂L/∂C · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂C, each one kernel call with no copies.
 * Forward mode, the product rule: Ċ = Ȧ · B + A · Ḃ.
 */
public final class MatMul implements Op {

    private MatMul() {
    }

    public static Tensor of(Tensor a, Tensor b) {
        if (a.cols() != b.rows()) {
            throw new ShapeException("matmul: " + a.shape() + " @ " + b.shape() + " — inner sizes differ ("
                    + a.cols() + " ≠ " + b.rows() + ")");
        }
        return Tensor.compute(new MatMul(), a.rows(), b.cols(), a, b);
    }

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public String formula(List<String> inputs) {
        return inputs.get(0) + " @ " + inputs.get(1);
    }

    @Override
    public void forward(Tensor out) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        gemm(false, false, a.rows(), b.cols(), a.cols(), a.value(), b.value(), out.value());
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        if (index == 0) {
            gemm(false, true, a.rows(), a.cols(), b.cols(), out.grad(), b.value(), dst);
        } else {
            gemm(true, false, b.rows(), b.cols(), a.rows(), a.value(), out.grad(), dst);
        }
    }

    /** Ċ = Ȧ · B + A · Ḃ: two products, the second into a buffer of its own and added. */
    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        gemm(false, false, a.rows(), b.cols(), a.cols(), inputTangents.get(0), b.value(), dst);
        Buffer second = Buffer.zeros(out.dtype(), out.size());
        gemm(false, false, a.rows(), b.cols(), a.cols(), a.value(), inputTangents.get(1), second);
        dst.addAll(second);
    }

    /** Both kernels write C = A·B, never C += A·B (KernelTest holds them to it). */
    @Override
    public boolean backwardOverwrites(Tensor out, int index) {
        return true;
    }

    private static void gemm(boolean ta, boolean tb, int m, int n, int k, Buffer a, Buffer b, Buffer c) {
        Gemm kernel = Kernels.gemm();
        if (c instanceof F32Buffer fc) {
            kernel.f32(ta, tb, m, n, k, ((F32Buffer) a).array(), ((F32Buffer) b).array(), fc.array());
        } else {
            kernel.f64(ta, tb, m, n, k, ((F64Buffer) a).array(), ((F64Buffer) b).array(), ((F64Buffer) c).array());
        }
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        Tensor a = out.inputs().get(0);
        Tensor b = out.inputs().get(1);
        if (index == 0) {
            return new LocalDerivative(LocalDerivative.Kind.TIMES_RIGHT, b.label() + "ᵀ", transpose(b));
        }
        return new LocalDerivative(LocalDerivative.Kind.TIMES_LEFT, a.label() + "ᵀ", transpose(a));
    }

    private static Snapshot transpose(Tensor t) {
        double[] d = new double[t.size()];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                d[c * t.rows() + r] = t.get(r, c);
            }
        }
        return new Snapshot(t.cols(), t.rows(), d);
    }
}
