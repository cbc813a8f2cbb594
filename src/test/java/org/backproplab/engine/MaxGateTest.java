package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The max gate routes the gradient (CS231n): all to the larger input, and at a tie all to the first. */
class MaxGateTest {

    @Test
    void theLargerInputTakesTheWholeGradientAndATieGoesToTheFirst() {
        Tensor a = Tensor.row(1, 5, 3, -2).named("a");
        Tensor b = Tensor.row(2, 5, 0, -2).named("b");
        Tensor m = Binary.Kind.MAX.on(a, b);
        Tensor w = Tensor.row(10, 20, 30, 40).noGrad();
        Graph.of(Reduce.Kind.SUM.on(Binary.Kind.MUL.on(m, w))).backward();
        assertArrayEquals(new double[] {2, 5, 3, -2}, m.value().toDoubles());
        assertArrayEquals(new double[] {0, 20, 30, 40}, a.grad().toDoubles(), "ties (5 = 5, -2 = -2) go to a");
        assertArrayEquals(new double[] {10, 0, 0, 0}, b.grad().toDoubles());
    }

    @Test
    void forwardModeRoutesTheTangentTheSameWay() {
        Tensor a = Tensor.row(1, 5, 3).named("a");
        Tensor b = Tensor.row(2, 5, 0).named("b");
        Tensor m = Binary.Kind.MAX.on(a, b);
        assertArrayEquals(new double[] {0, 1, 1}, ForwardMode.run(Graph.of(m), a, ForwardMode.ones(a)).of(m).values());
        assertArrayEquals(new double[] {1, 0, 0}, ForwardMode.run(Graph.of(m), b, ForwardMode.ones(b)).of(m).values());
    }

    @Test
    void reluIsTheMaxGateWithZeroAndAScalarZeroCollectsTheGradientOfEveryDeadElement() {
        Tensor z = Tensor.row(-3, 2, -1).named("z");
        Tensor zero = Tensor.scalar(0).named("zero");
        Tensor m = Binary.Kind.MAX.on(z, zero);
        Graph.of(Reduce.Kind.SUM.on(m)).backward();
        Tensor r = Unary.Kind.RELU.on(Tensor.row(-3, 2, -1));
        assertArrayEquals(r.value().toDoubles(), m.value().toDoubles());
        assertArrayEquals(new double[] {0, 1, 0}, z.grad().toDoubles());
        assertEquals(2, zero.gradItem(), "the two elements where 0 won, summed back to the broadcast scalar");
    }

    @Test
    void itIsWrittenAsAFunctionAndItsLocalDerivativesSayWhichInputWins() {
        Tensor a = Tensor.scalar(4).named("a");
        Tensor b = Tensor.scalar(7).named("b");
        Tensor m = Binary.Kind.MAX.on(a, b);
        assertEquals("max(a, b)", m.op().formula(List.of("a", "b")));
        assertEquals("max", m.op().name());
        assertEquals("1 if a ≥ b, else 0", m.op().localDerivative(m, 0).formula());
        assertEquals(0, m.op().localDerivative(m, 0).value().item());
        assertEquals("1 if b > a, else 0", m.op().localDerivative(m, 1).formula());
        assertEquals(1, m.op().localDerivative(m, 1).value().item());
        assertEquals("a + b", Binary.Kind.ADD.on(a, b).op().formula(List.of("a", "b")), "operators stay infix");
    }
}
