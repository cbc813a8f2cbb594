package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;

class OpCasesTest {

    @Test
    void everyCaseEndsInAScalarLossWithInputsToCheck() {
        for (long seed = 0; seed < 20; seed++) {
            for (OpCases.Case c : new OpCases(new Random(seed)).all()) {
                assertTrue(c.graph().output().isScalar(), c.op());
                assertFalse(c.checkedLeaves().isEmpty(), c.op());
                // W, the random weighting, is a leaf that is not checked: the op's inputs are.
                assertEquals(c.graph().leaves().size() - 1, c.checkedLeaves().size(), c.op());
                assertTrue(c.expression().startsWith(c.op() + "("), c.expression());
            }
        }
    }

    @Test
    void inputsStayAwayFromKinksAndOutsideTheDomain() {
        for (long seed = 0; seed < 50; seed++) {
            OpCases cases = new OpCases(new Random(seed));
            for (String op : List.of("relu", "leaky_relu", "abs")) {
                for (double v : input(cases.build(op))) {
                    assertTrue(Math.abs(v) >= 0.2, op + " input " + v + " is near the kink at 0");
                }
            }
            for (String op : List.of("log", "sqrt")) {
                for (double v : input(cases.build(op))) {
                    assertTrue(v > 0, op + " input " + v + " is not positive");
                }
            }
            OpCases.Case max = cases.build("max");
            Tensor a = max.checkedLeaves().get(0);
            Tensor b = max.checkedLeaves().get(1);
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < a.cols(); c++) {
                    double other = b.get(b.rows() == 1 ? 0 : r, b.cols() == 1 ? 0 : c);
                    assertTrue(Math.abs(a.get(r, c) - other) >= 0.2, "max inputs " + a.get(r, c) + " and " + other
                            + " are near a tie");
                }
            }
            OpCases.Case div = cases.build("div");
            for (double v : div.checkedLeaves().get(1).value().toDoubles()) {
                assertTrue(Math.abs(v) >= 0.2, "divisor " + v + " is near 0");
            }
        }
    }

    @Test
    void batchNormGetsAtLeastThreeRows() {
        for (long seed = 0; seed < 50; seed++) {
            Tensor x = new OpCases(new Random(seed)).build("batchnorm").checkedLeaves().get(0);
            assertTrue(x.rows() >= 3, "batchnorm x " + x.shape());
        }
    }

    @Test
    void anUnknownOpIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new OpCases(new Random(0)).build("conv2d"));
        assertTrue(e.getMessage().contains("conv2d"));
    }

    private static double[] input(OpCases.Case c) {
        return c.checkedLeaves().get(0).value().toDoubles();
    }
}
