package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.backproplab.engine.DType;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each scheme's spread matches its formula on a 400×300 matrix, and the same seed gives the same numbers. */
class InitializerTest {

    private static final int IN = 400;
    private static final int OUT = 300;

    @ParameterizedTest
    @EnumSource(Initializer.Scheme.class)
    void spreadMatchesTheFormula(Initializer.Scheme scheme) {
        Tensor w = Tensor.zeros(DType.F64, IN, OUT);
        scheme.fill(w, IN, OUT, new Random(7));
        double[] v = w.snapshot().values();
        double mean = 0;
        double max = 0;
        for (double x : v) {
            mean += x;
            max = Math.max(max, Math.abs(x));
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(var / v.length);
        double expected = switch (scheme) {
            case ZEROS -> 0;
            case SMALL -> 0.01;
            case NORMAL -> 1;
            case XAVIER_UNIFORM -> Math.sqrt(6.0 / (IN + OUT)) / Math.sqrt(3);
            case XAVIER_NORMAL -> Math.sqrt(2.0 / (IN + OUT));
            case HE_UNIFORM -> Math.sqrt(6.0 / IN) / Math.sqrt(3);
            case HE_NORMAL -> Math.sqrt(2.0 / IN);
        };
        assertEquals(expected, std, expected * 0.01 + 1e-12, scheme + " standard deviation");
        assertEquals(0, mean, expected * 0.02 + 1e-12, scheme + " mean");
        if (scheme == Initializer.Scheme.XAVIER_UNIFORM) {
            assertTrue(max <= Math.sqrt(6.0 / (IN + OUT)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Initializer.Scheme.class, names = "ZEROS", mode = EnumSource.Mode.EXCLUDE)
    void sameSeedSameNumbers(Initializer.Scheme scheme) {
        double[] a = draw(scheme, 3);
        assertArrayEquals(a, draw(scheme, 3));
        assertNotEquals(a[0], draw(scheme, 4)[0]);
    }

    private static double[] draw(Initializer.Scheme scheme, long seed) {
        Tensor w = Tensor.zeros(DType.F64, 5, 4);
        scheme.fill(w, 5, 4, new Random(seed));
        return w.snapshot().values();
    }
}
