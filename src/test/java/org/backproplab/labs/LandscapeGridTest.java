package org.backproplab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.backproplab.labs.Landscape.Landmark;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.Landscape.Window;
import org.junit.jupiter.api.Test;

/** The batched grid: the same numbers as one point at a time, basins, and Distill's momentum sweep. */
class LandscapeGridTest {

    @Test
    void aGridEvaluatedAtOnceEqualsEachPointsOwnForwardPassBitForBit() {
        for (Surface s : Surface.values()) {
            Landscape surface = Landscape.of(s);
            LandscapeGrid.Values grid = LandscapeGrid.evaluate(surface, s.window(), 7, 5);
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 7; i++) {
                    assertEquals(surface.value(grid.x(i), grid.y(j)), grid.at(i, j), s + " at " + i + "," + j);
                }
            }
            assertEquals(s.window().xMin(), grid.x(0));
            assertEquals(s.window().yMax(), grid.y(4));
        }
    }

    @Test
    void aGridLargerThanOnePieceAndASurfaceThatMixesPointsAreEvaluatedToo() throws Landscape.BadSurface {
        Landscape bowl = Landscape.of(Surface.BOWL);
        LandscapeGrid.Values big = LandscapeGrid.evaluate(bowl, Surface.BOWL.window(), 200, 200);
        assertEquals(bowl.value(big.x(137), big.y(181)), big.at(137, 181));
        assertEquals(0, big.min(), 1e-3);
        assertEquals(18, big.max(), 1e-12);
        // sum() of a matrix mixes the points: evaluated one point at a time instead.
        Landscape mixed = Landscape.of("sum(x^2) + y");
        LandscapeGrid.Values grid = LandscapeGrid.evaluate(mixed, new Window(-1, 1, -1, 1), 3, 3);
        assertEquals(2.0, grid.at(2, 2));
        assertEquals(0.0, grid.at(1, 1));
    }

    @Test
    void eachStartOfABasinMapWalksExactlyItsOwnPath() {
        Landscape surface = Landscape.of(Surface.HIMMELBLAU);
        Window w = new Window(-4, 4, -4, 4);
        List<Landmark> minima = Surface.HIMMELBLAU.landmarks();
        for (Method m : List.of(Method.SGD, Method.MOMENTUM, Method.ADAM, Method.NEWTON)) {
            Settings s = Settings.of(m == Method.NEWTON ? 1 : m == Method.ADAM ? 0.1 : 0.01);
            LandscapeGrid.Basins basins = LandscapeGrid.basins(surface, m, s, w, 5, 5, 200, minima,
                    LandscapeGrid.Progress.NONE);
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 5; i++) {
                    double x = LandscapeGrid.coordinate(-4, 4, i, 5);
                    double y = LandscapeGrid.coordinate(-4, 4, j, 5);
                    Landscape.Point end = surface.run(m, s, x, y, 200).last();
                    int expected = -1;
                    for (int k = 0; k < minima.size(); k++) {
                        if (Math.hypot(end.x() - minima.get(k).x(), end.y() - minima.get(k).y()) <= 0.4) {
                            expected = k;
                        }
                    }
                    assertEquals(expected, basins.at(i, j), m + " from " + x + "," + y + " ends at " + end);
                }
            }
        }
    }

    @Test
    void himmelblausFourBasinsAppearInAGradientDescentMap() {
        LandscapeGrid.Basins basins = LandscapeGrid.basins(Landscape.of(Surface.HIMMELBLAU), Method.SGD,
                Settings.of(0.01), Surface.HIMMELBLAU.window(), 20, 20, 500, Surface.HIMMELBLAU.landmarks(),
                LandscapeGrid.Progress.NONE);
        Set<Integer> seen = new HashSet<>();
        for (int e : basins.ending()) {
            seen.add(e);
        }
        assertTrue(seen.containsAll(Set.of(0, 1, 2, 3)), seen.toString());
    }

    @Test
    void onTheDoubleWellMomentumRollsOutOfTheLocalMinimumThatHoldsGradientDescent() {
        Landscape surface = Landscape.of(Surface.DOUBLE_WELL);
        Window right = new Window(1.5, 2, 0.5, 1);
        List<Landmark> minima = Surface.DOUBLE_WELL.landmarks().subList(0, 2);
        LandscapeGrid.Basins gd = LandscapeGrid.basins(surface, Method.SGD, Settings.of(0.01), right, 3, 3, 1000,
                minima, LandscapeGrid.Progress.NONE);
        LandscapeGrid.Basins momentum = LandscapeGrid.basins(surface, Method.MOMENTUM, Settings.of(0.01), right, 3, 3,
                1000, minima, LandscapeGrid.Progress.NONE);
        for (int k = 0; k < 9; k++) {
            assertEquals(1, gd.ending()[k], "GD ends in the local minimum");
        }
        assertEquals(0, momentum.at(2, 2), "momentum from (2, 1) ends in the global minimum");
    }

    @Test
    void aDivergingStartIsMarkedAndABasinMapCanBeCancelled() {
        Landscape surface = Landscape.of(Surface.ROSENBROCK);
        LandscapeGrid.Basins basins = LandscapeGrid.basins(surface, Method.SGD, Settings.of(0.1),
                Surface.ROSENBROCK.window(), 4, 4, 100, Surface.ROSENBROCK.landmarks(), LandscapeGrid.Progress.NONE);
        assertEquals(LandscapeGrid.Basins.DIVERGED, basins.at(0, 3));
        int[] reports = new int[1];
        assertThrows(CancellationException.class, () -> LandscapeGrid.basins(surface, Method.SGD, Settings.of(0.001),
                Surface.ROSENBROCK.window(), 100, 100, 500, Surface.ROSENBROCK.landmarks(),
                (done, total) -> ++reports[0] < 3));
        assertEquals(3, reports[0]);
    }

    @Test
    void distillsSweepMarksTheCriticalMomentumOfTheRavine() {
        double[] momenta = {0, 0.5, 0.75, 0.9, 0.99};
        LandscapeGrid.Sweep sweep = LandscapeGrid.momentumSweep(Landscape.of(Surface.RAVINE), 0.09, momenta,
                Surface.RAVINE.start(), 300);
        double critical = Math.pow(1 - Math.sqrt(0.09 * 0.2), 2); // the slow direction's curvature is 0.2
        assertEquals(critical, sweep.criticalMomentum(), 1e-6);
        assertEquals(5, sweep.values().length);
        assertEquals(301, sweep.values()[0].length);
        double[] end = new double[5];
        for (int k = 0; k < 5; k++) {
            end[k] = sweep.values()[k][300];
        }
        assertTrue(end[2] < end[0] && end[2] < end[4], "near the critical μ the ravine is descended fastest: "
                + java.util.Arrays.toString(end));
    }
}
