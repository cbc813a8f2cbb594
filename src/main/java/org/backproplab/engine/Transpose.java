package org.backproplab.engine;

import java.util.List;

/** Y = Xᵀ. Backward: ∂L/∂X = (∂L/∂Y)ᵀ. Forward mode: Ẏ = Ẋᵀ. */
public final class Transpose implements Op {

    private Transpose() {
    }

    public static Tensor of(Tensor x) {
        return Tensor.compute(new Transpose(), x.cols(), x.rows(), x);
    }

    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public String formula(List<String> inputs) {
        return inputs.get(0) + "ᵀ";
    }

    @Override
    public void forward(Tensor out) {
        Tensor x = out.inputs().get(0);
        Buffer xv = x.value();
        Buffer y = out.value();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                y.set(c * x.rows() + r, xv.get(r * x.cols() + c));
            }
        }
    }

    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Tensor x = out.inputs().get(0);
        Buffer dx = inputTangents.get(0);
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                dst.set(c * x.rows() + r, dx.get(r * x.cols() + c));
            }
        }
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Tensor x = out.inputs().get(0);
        Buffer g = out.grad();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                dst.set(r * x.cols() + c, g.get(c * x.rows() + r));
            }
        }
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        return LocalDerivative.formula("the upstream gradient transposed back: (∂L/∂Y)ᵀ");
    }
}
