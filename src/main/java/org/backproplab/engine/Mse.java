package org.backproplab.engine;

import java.util.List;

/**
 * Mean squared error over all elements: L = (1/n) Σ (p − t)². Backward: ∂L/∂p = 2(p − t)/n, ∂L/∂t = −2(p − t)/n.
 * Forward mode: L̇ = (2/n) Σ (p − t)(ṗ − ṫ).
 */
public final class Mse implements Op {

    private Mse() {
    }

    public static Tensor of(Tensor prediction, Tensor target) {
        if (!prediction.sameShape(target)) {
            throw new ShapeException("mse: prediction " + prediction.shape() + " and target " + target.shape()
                    + " — shapes differ");
        }
        return Tensor.compute(new Mse(), 1, 1, prediction, target);
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public void forward(Tensor out) {
        Buffer p = out.inputs().get(0).value();
        Buffer t = out.inputs().get(1).value();
        double sum = 0;
        for (int i = 0; i < p.length(); i++) {
            double d = p.get(i) - t.get(i);
            sum += d * d;
        }
        out.value().set(0, sum / p.length());
    }

    @Override
    public void backward(Tensor out, int index, Buffer dst) {
        Buffer p = out.inputs().get(0).value();
        Buffer t = out.inputs().get(1).value();
        double scale = (index == 0 ? 2.0 : -2.0) * out.grad().get(0) / p.length();
        for (int i = 0; i < p.length(); i++) {
            dst.set(i, scale * (p.get(i) - t.get(i)));
        }
    }

    @Override
    public void tangent(Tensor out, List<Buffer> inputTangents, Buffer dst) {
        Buffer p = out.inputs().get(0).value();
        Buffer t = out.inputs().get(1).value();
        Buffer dp = inputTangents.get(0);
        Buffer dt = inputTangents.get(1);
        double sum = 0;
        for (int i = 0; i < p.length(); i++) {
            sum += (p.get(i) - t.get(i)) * (dp.get(i) - dt.get(i));
        }
        dst.set(0, 2 * sum / p.length());
    }

    @Override
    public LocalDerivative localDerivative(Tensor out, int index) {
        Tensor p = out.inputs().get(0);
        Tensor t = out.inputs().get(1);
        double[] d = new double[p.size()];
        double sign = index == 0 ? 2.0 : -2.0;
        for (int i = 0; i < d.length; i++) {
            d[i] = sign * (p.value().get(i) - t.value().get(i)) / d.length;
        }
        return LocalDerivative.elementwise((index == 0 ? "2" : "−2") + "·(p − t)/" + d.length,
                new Snapshot(p.rows(), p.cols(), d));
    }
}
