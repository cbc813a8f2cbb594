package org.backproplab.nn;

import java.util.List;
import java.util.Random;
import org.backproplab.engine.Binary;
import org.backproplab.engine.DType;
import org.backproplab.engine.MatMul;
import org.backproplab.engine.Tensor;

/** A dense layer: y = x · W + b, W of [in × out], b a [1 × out] row broadcast over the batch's rows. */
public final class Linear implements Module {

    private final Tensor weight;
    private final Tensor bias;

    public Linear(int in, int out, Initializer init, Random rng, DType dtype, String suffix) {
        weight = Tensor.zeros(dtype, in, out).trainable().named("W" + suffix);
        init.fill(weight, in, out, rng);
        bias = Tensor.zeros(dtype, 1, out).trainable().named("b" + suffix);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public int inputs() {
        return weight.rows();
    }

    public int outputs() {
        return weight.cols();
    }

    @Override
    public Tensor forward(Tensor x) {
        return Binary.Kind.ADD.on(MatMul.of(x, weight), bias);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }
}
