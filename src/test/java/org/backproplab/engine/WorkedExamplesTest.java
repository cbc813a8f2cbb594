package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The published worked examples of CS231n's backprop notes, to the digits the notes give and beyond. */
class WorkedExamplesTest {

    @Test
    void addThenMultiply() {
        Tensor x = Tensor.scalar(-2).named("x");
        Tensor y = Tensor.scalar(5).named("y");
        Tensor z = Tensor.scalar(-4).named("z");
        Tensor q = Binary.Kind.ADD.on(x, y).named("q");
        Tensor f = Binary.Kind.MUL.on(q, z).named("f");
        Graph.of(f).backward();
        assertEquals(-12, f.item());
        assertEquals(-4, x.gradItem());
        assertEquals(-4, y.gradItem());
        assertEquals(3, z.gradItem());
        assertEquals(-4, q.gradItem());
    }

    @Test
    void sigmoidNeuron() {
        Tensor w0 = Tensor.scalar(2);
        Tensor w1 = Tensor.scalar(-3);
        Tensor w2 = Tensor.scalar(-3);
        Tensor x0 = Tensor.scalar(-1);
        Tensor x1 = Tensor.scalar(-2);
        Tensor dot = Binary.Kind.ADD.on(Binary.Kind.ADD.on(Binary.Kind.MUL.on(w0, x0), Binary.Kind.MUL.on(w1, x1)), w2);
        Tensor f = Unary.Kind.SIGMOID.on(dot);
        Graph.of(f).backward();
        double s = 1 / (1 + Math.exp(-1.0));
        assertEquals(0.7311, f.item(), 5e-5);
        assertEquals(s, f.item(), 1e-15);
        assertEquals(0.3932, x0.gradItem(), 5e-5);
        assertEquals(-0.5898, x1.gradItem(), 5e-5);
        assertEquals(-0.1966, w0.gradItem(), 5e-5);
        assertEquals(-0.3932, w1.gradItem(), 5e-5);
        assertEquals(0.1966, w2.gradItem(), 5e-5);
        double ds = s * (1 - s);
        assertEquals(ds * 2, x0.gradItem(), 1e-15);
        assertEquals(-ds, w0.gradItem(), 1e-15);
    }

    @Test
    void sigmoidNeuronAsMatrices() {
        // The same neuron as one row of inputs times a column of weights: the same engine, the same numbers.
        Tensor x = Tensor.row(-1, -2).named("x");
        Tensor w = Tensor.of(new double[][] {{2}, {-3}}).named("w");
        Tensor b = Tensor.scalar(-3).named("b");
        Tensor f = Unary.Kind.SIGMOID.on(Binary.Kind.ADD.on(MatMul.of(x, w), b));
        Graph.of(f).backward();
        assertEquals(0.7311, f.item(), 5e-5);
        assertEquals(0.3932, x.gradAt(0, 0), 5e-5);
        assertEquals(-0.5898, x.gradAt(0, 1), 5e-5);
        assertEquals(-0.1966, w.gradAt(0, 0), 5e-5);
        assertEquals(-0.3932, w.gradAt(1, 0), 5e-5);
        assertEquals(0.1966, b.gradItem(), 5e-5);
    }
}
