package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Gradients [3, −4] and [12]: global norm 13. */
    private static List<Tensor> gradients() {
        Tensor a = Tensor.row(0, 0).trainable();
        a.grad().set(0, 3);
        a.grad().set(1, -4);
        Tensor b = Tensor.scalar(0).trainable();
        b.grad().set(0, 12);
        return List.of(a, b);
    }

    @Test
    void globalNormScalesEverythingTogether() {
        List<Tensor> ps = gradients();
        GradientClipping.Report r = GradientClipping.byGlobalNorm(ps, 1);
        assertEquals(13, r.normBefore(), 1e-12);
        assertEquals(1, r.normAfter(), 1e-12);
        assertTrue(r.clipped());
        assertArrayEquals(new double[] {3 / 13.0, -4 / 13.0}, ps.get(0).gradSnapshot().values(), 1e-15);
        assertEquals(12 / 13.0, ps.get(1).gradItem(), 1e-15);
    }

    @Test
    void globalNormBelowTheLimitIsLeftAlone() {
        List<Tensor> ps = gradients();
        GradientClipping.Report r = GradientClipping.byGlobalNorm(ps, 20);
        assertEquals(13, r.normAfter(), 1e-12);
        assertFalse(r.clipped());
        assertEquals(12, ps.get(1).gradItem());
    }

    @Test
    void byValueClampsEachElement() {
        List<Tensor> ps = gradients();
        GradientClipping.Report r = GradientClipping.byValue(ps, 3.5);
        assertArrayEquals(new double[] {3, -3.5}, ps.get(0).gradSnapshot().values());
        assertEquals(3.5, ps.get(1).gradItem());
        assertEquals(13, r.normBefore(), 1e-12);
        assertEquals(Math.sqrt(9 + 12.25 + 12.25), r.normAfter(), 1e-12);
    }
}
