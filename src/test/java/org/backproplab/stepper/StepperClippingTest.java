package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;

/**
 * Lesson 08's cure in the step-through view: with clipping by norm the update uses the clipped gradient and says what
 * clipping did; by value likewise; the numbers are the engine's (w − η·g·max/‖g‖, with g the backward pass's).
 */
class StepperClippingTest {

    private static Lesson chain() throws LessonException {
        return Lesson.compile(ShippedLessons.source("08_exploding_chain"), "08_exploding_chain.bp");
    }

    /** Steps to the end of the iteration's update and returns that frame. */
    private static Frame update(Stepper s) {
        Frame f = s.finishPhase();
        while (f.phase() != Phase.UPDATE || f.position() < f.count()) {
            f = s.finishPhase();
        }
        return f;
    }

    @Test
    void byNormTheUpdateUsesTheClippedGradientAndSaysSo() throws LessonException {
        // dL/dw at w = 3: L = (3^10 - 1)^2, dL/dw = 2·(3^10 - 1)·10·3^9 (one parameter: ‖g‖ = |dL/dw|).
        double g = 2 * (Math.pow(3, 10) - 1) * 10 * Math.pow(3, 9);
        Stepper s = new Stepper(chain(), OptimizerKind.SGD, 0.01);
        s.setClipping(new Clipping.ByNorm(1));
        Frame f = update(s);
        int w = s.graph().indexOf(s.lesson().tensor("w").orElseThrow());
        assertEquals(3 - 0.01 * 1, f.values()[w].item(), 1e-12, "the clipped gradient has norm 1");
        String first = f.explanation().lines().get(0);
        assertTrue(first.startsWith("‖g‖ = " + Texts.number(g) + " > 1: g ← g × 1 / "), first);
        assertTrue(f.explanation().lines().get(1).contains("− 0.01 × 1 ="), f.explanation().lines().toString());
    }

    @Test
    void byValueAndUnclippedTheUpdateSaysWhatHappened() throws LessonException {
        Stepper s = new Stepper(chain(), OptimizerKind.SGD, 0.01);
        s.setClipping(new Clipping.ByValue(0.5));
        Frame f = update(s);
        assertTrue(f.explanation().lines().get(0).startsWith("g ← clip(g, −0.5, 0.5): ‖g‖ "), f.explanation().lines()
                .toString());
        Stepper plain = new Stepper(Lesson.compile("param w = 0.1\nloss L = w^2", "small.bp"), OptimizerKind.SGD, 0.1);
        plain.setClipping(new Clipping.ByNorm(1));
        Frame small = update(plain);
        assertEquals("‖g‖ = 0.2 ≤ 1: g unchanged", small.explanation().lines().get(0));
        plain.setClipping(Clipping.NONE);
        Frame next = update(plain);
        assertTrue(next.explanation().lines().get(0).startsWith("w ← w − η·"), next.explanation().lines().toString());
    }
}
