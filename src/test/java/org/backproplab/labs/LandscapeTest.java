package org.backproplab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;

/**
 * Optimizer paths on the lab's surfaces against independent float64 references: analytic gradients and the textbook
 * update rules in Python, outside the project (src/test/resources/labs/landscape_reference.py prints every number
 * below).
 */
class LandscapeTest {

    private static final double RELATIVE = 1e-9;

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.max(1, Math.abs(expected)), what);
    }

    private static Landscape.Point end(Surface s, OptimizerKind k, double lr, double x, double y, int n) {
        Landscape.Path path = Landscape.of(s).run(k, lr, x, y, n);
        assertEquals(-1, path.stoppedAt(), "no overflow");
        assertEquals(n + 1, path.points().size(), "the start and one point per step");
        assertEquals(x, path.points().get(0).x());
        return path.last();
    }

    @Test
    void rosenbrockWithAdamAndWithGradientDescent() {
        Landscape.Point adam = end(Surface.ROSENBROCK, OptimizerKind.ADAM, 0.01, -1.5, 2, 3000);
        near(0.9957552887948498, adam.x(), "Adam x");
        near(0.9915161745419502, adam.y(), "Adam y");
        Landscape.Point gd = end(Surface.ROSENBROCK, OptimizerKind.SGD, 0.0005, -1.5, 2, 3000);
        near(0.19151865653930303, gd.x(), "GD x");
        near(0.03402230460838583, gd.y(), "GD y");
    }

    @Test
    void onTheDoubleWellGradientDescentStaysInTheLocalMinimumAndMomentumRollsToTheGlobalOne() {
        Landscape.Point gd = end(Surface.DOUBLE_WELL, OptimizerKind.SGD, 0.01, 2, 1, 1000);
        near(1.130901122629987, gd.x(), "GD ends near the local minimum x = 1.13");
        Landscape.Point momentum = end(Surface.DOUBLE_WELL, OptimizerKind.MOMENTUM, 0.01, 2, 1, 1000);
        near(-1.300839565941577, momentum.x(), "momentum ends near the global minimum x = -1.30");
        assertTrue(momentum.f() < gd.f(), momentum.f() + " vs " + gd.f());
    }

    @Test
    void himmelblausFourMinimaFromFourStarts() {
        double[][] expected = {{3, 2}, {-2.8051180869527452, 3.131312518250573}, {-3.779310253377747, -3.283185991286169},
            {3.5844283403304917, -1.8481265269644038}};
        double[][] starts = {{3, 3}, {-3, 3}, {-3, -3}, {3, -3}};
        for (int i = 0; i < 4; i++) {
            Landscape.Point p = end(Surface.HIMMELBLAU, OptimizerKind.SGD, 0.01, starts[i][0], starts[i][1],
                    2000);
            near(expected[i][0], p.x(), "minimum " + i + " x");
            near(expected[i][1], p.y(), "minimum " + i + " y");
            assertEquals(0, p.f(), 1e-12, "a minimum of Himmelblau's function is 0");
        }
    }

    @Test
    void aLearningRateTooLargeStopsAtTheFirstValueThatIsNotFinite() {
        Landscape.Path path = Landscape.of(Surface.ROSENBROCK).run(OptimizerKind.SGD, 0.1, -1.5, 2, 100);
        assertTrue(path.stoppedAt() > 0 && path.stoppedAt() < 100, "stopped at " + path.stoppedAt());
        assertEquals(path.stoppedAt(), path.points().size());
    }

    @Test
    void aSurfaceThatIsNotOneIsRefusedWithTheLessonLanguagesMessageAndItsColumn() throws Landscape.BadSurface {
        Landscape.BadSurface unknown = assertThrows(Landscape.BadSurface.class, () -> Landscape.of("x^2 + z"));
        assertEquals(7, unknown.column(), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("z"), unknown.getMessage());
        assertThrows(Landscape.BadSurface.class, () -> Landscape.of("x^2 + (y"));
        assertEquals(5.0, Landscape.of("x^2 + y^2 + 3").value(1, 1));
        assertEquals(-4.0, Landscape.of(Surface.SADDLE).value(0, 2));
    }
}
