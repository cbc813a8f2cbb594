package org.backproplab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;

/** A walk, one update at a time: the same numbers as a whole path, Newton's method, the noise, the written update. */
class WalkTest {

    @Test
    void aWalkGivesThePathsNumbersBitForBit() {
        Landscape surface = Landscape.of(Surface.ROSENBROCK);
        for (Method m : Method.values()) {
            Settings s = Settings.of(m == Method.NEWTON ? 1 : 0.001).withNoise(m == Method.SGD ? 0.5 : 0);
            Landscape.Path path = surface.run(m, s, -1.5, 2, 50);
            Walk walk = surface.walk(m, s, -1.5, 2);
            assertEquals(path.points().get(0), walk.current());
            for (int t = 1; t < path.points().size(); t++) {
                Walk.Step step = walk.next();
                assertEquals(t, step.index());
                assertEquals(path.points().get(t - 1), step.before(), m + " step " + t);
                assertEquals(path.points().get(t), step.after(), m + " step " + t);
            }
        }
    }

    @Test
    void newtonReachesTheMinimumOfAQuadraticInOneStep() {
        // An axis-aligned ravine and a rotated, shifted quadratic (xy term): Newton's step is exact on a quadratic.
        Walk.Step ravine = Landscape.of(Surface.RAVINE).walk(Method.NEWTON, Settings.of(1), -9, 1.5).next();
        assertEquals(0, ravine.after().x(), 1e-6);
        assertEquals(0, ravine.after().y(), 1e-6);
        assertFalse(ravine.damped());
        Landscape rotated = surface("3*(x - 1)^2 + 2*(x - 1)*(y + 2) + 2*(y + 2)^2 + 5");
        Walk.Step step = rotated.walk(Method.NEWTON, Settings.of(1), 4, 3).next();
        assertEquals(1, step.after().x(), 1e-6);
        assertEquals(-2, step.after().y(), 1e-6);
        assertEquals(5, step.after().f(), 1e-9);
        Landscape.Hessian h = rotated.hessian(4, 3);
        assertEquals(6, h.xx(), 1e-6);
        assertEquals(2, h.xy(), 1e-6);
        assertEquals(4, h.yy(), 1e-6);
        assertTrue(step.written().stream().anyMatch(line -> line.startsWith("H = [[6")), step.written().toString());
    }

    @Test
    void atTheSaddleNewtonsStepIsDampedAndGoesDownhill() {
        Walk walk = Landscape.of(Surface.SADDLE).walk(Method.NEWTON, Settings.of(1), 1.5, 0.01);
        Walk.Step step = walk.next();
        assertTrue(step.damped(), "H = diag(2, -2) is not positive definite");
        assertTrue(step.after().f() < step.before().f(), step.before() + " → " + step.after());
        assertEquals(0, step.after().x(), 1e-6, "along x (curvature 2) the step is Newton's");
        assertEquals(0.02, step.after().y(), 1e-6, "along y (curvature -2) it goes away from the saddle");
        assertTrue(step.written().get(step.written().size() - 1).contains("|H|⁻¹"), step.written().toString());
    }

    @Test
    void gradientNoiseComesFromTheSeed() {
        Landscape bowl = Landscape.of(Surface.BOWL);
        Settings noisy = Settings.of(0.1).withNoise(1).withSeed(7);
        assertEquals(bowl.run(Method.SGD, noisy, 2, 1, 20), bowl.run(Method.SGD, noisy, 2, 1, 20));
        assertNotEquals(bowl.run(Method.SGD, noisy, 2, 1, 20).last(),
                bowl.run(Method.SGD, noisy.withSeed(8), 2, 1, 20).last());
        assertNotEquals(bowl.run(Method.SGD, noisy, 2, 1, 20).last(),
                bowl.run(Method.SGD, noisy.withNoise(0), 2, 1, 20).last());
        Walk.Step step = bowl.walk(Method.SGD, noisy, 2, 1).next();
        assertTrue(step.written().get(0).startsWith("g = ∇f + σ·ξ = (4, 2) + "), step.written().toString());
    }

    @Test
    void eachStepCarriesTheOptimizersStateAndTheUpdateWrittenOut() {
        Landscape bowl = Landscape.of(Surface.BOWL);
        Walk.Step sgd = bowl.walk(Method.SGD, Settings.of(0.1), 2, 1).next();
        assertEquals("(x, y) ← (x, y) − η·∇f = (2, 1) − 0.1 × (4, 2) = (1.6, 0.8)", sgd.written().get(0));
        assertEquals(new Landscape.XY(4, 2), sgd.gradient());
        Walk.Step momentum = bowl.walk(Method.MOMENTUM, Settings.of(0.1), 2, 1).next();
        assertEquals(new Landscape.XY(4, 2), momentum.state().get("v"), "v ← μ·0 + g");
        assertTrue(momentum.written().contains("v = (4, 2)"), momentum.written().toString());
        Walk.Step adam = bowl.walk(Method.ADAM, Settings.of(0.1), 2, 1).next();
        assertEquals(0.4, adam.state().get("m").x(), 1e-15, "m ← (1 − β₁)·g");
        assertEquals(0.004, adam.state().get("v").y(), 1e-15, "v ← (1 − β₂)·g²");
    }

    @Test
    void aWalkStopsAtTheFirstValueThatIsNotFinite() {
        Walk walk = Landscape.of(Surface.ROSENBROCK).walk(Method.SGD, Settings.of(0.1), -1.5, 2);
        Walk.Step last = null;
        for (int i = 0; i < 100 && !walk.stopped(); i++) {
            last = walk.next();
        }
        assertTrue(walk.stopped());
        assertFalse(last.finite());
        assertThrows(IllegalStateException.class, walk::next);
    }

    @Test
    void theSurfaceAsALessonCompilesWithFAsItsOutputAndNoLoss() throws LessonException {
        Lesson lesson = Lesson.compile(Landscape.of(Surface.DOUBLE_WELL).lesson(2, -1.25), "surface.bp");
        lesson.forward();
        assertEquals(Landscape.of(Surface.DOUBLE_WELL).value(2, -1.25), lesson.output().item());
        assertEquals("f", lesson.outputName());
        assertFalse(lesson.hasLossStatement());
        assertEquals(2, lesson.parameters().size());
    }

    @Test
    void thePresetsLandmarksAreStationaryPoints() {
        for (Surface s : Surface.values()) {
            Landscape surface = Landscape.of(s);
            for (Landscape.Landmark m : s.landmarks()) {
                Landscape.XY g = surface.gradient(m.x(), m.y());
                assertEquals(0, Math.hypot(g.x(), g.y()), 1e-8, s + " " + m);
                boolean minimum = surface.hessian(m.x(), m.y()).positiveDefinite();
                assertEquals(m.isMinimum(), minimum, s + " " + m);
            }
        }
    }

    private static Landscape surface(String expression) {
        try {
            return Landscape.of(expression);
        } catch (Landscape.BadSurface e) {
            throw new AssertionError(e);
        }
    }
}
