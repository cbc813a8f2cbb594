package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.junit.jupiter.api.Test;

/** Forward mode stepped: lesson 12's two passes by hand, and on every shipped lesson each pass ends at the gradient. */
class TangentWalkTest {

    private static TangentWalk walk(String lesson) throws Exception {
        return new TangentWalk(Lesson.compile(ShippedLessons.source(lesson), lesson + ".bp"));
    }

    private static String name(TangentWalk w, int index) {
        return w.graph().node(index).name();
    }

    /** f = (x·y)(x + y) at x = 2, y = 3: ∂f/∂x = 2xy + y² = 21 in pass 1, ∂f/∂y = x² + 2xy = 16 in pass 2. */
    @Test
    void lesson12TakesOnePassPerInputAndEachEndsAtThatInputsDerivative() throws Exception {
        TangentWalk w = walk("12_forward_mode");
        assertEquals(List.of("x", "y"), w.inputs().stream().map(i -> name(w, i)).toList());
        TangentFrame ready = w.frame();
        assertEquals("explain.tangent.ready", ready.explanation().noteKey());
        assertFalse(ready.canStepBack());

        TangentFrame seed = w.step();
        assertEquals(1, seed.pass());
        assertEquals(2, seed.passes());
        assertEquals("ṫ(x) = 1,  ṫ(…) = 0", seed.explanation().lines().get(0));
        TangentFrame a = w.step();
        assertEquals("ṫ(a) = ∂a/∂x·ṫ(x) + ∂a/∂y·ṫ(y) = 3 × 1 + 2 × 0 = 3", a.explanation().lines().get(0));
        assertEquals(6, a.values()[a.activeNode()].item());
        w.step();
        TangentFrame f = w.step();
        assertEquals("ṫ(f) = ∂f/∂a·ṫ(a) + ∂f/∂b·ṫ(b) = 5 × 3 + 6 × 1 = 21", f.explanation().lines().get(0));
        assertEquals("∂f/∂x = ṫ(f) = 21", f.explanation().lines().get(1));
        assertEquals("explain.tangent.passDone", f.explanation().noteKey());

        TangentFrame secondSeed = w.step();
        assertEquals(2, secondSeed.pass());
        assertNull(secondSeed.values()[f.activeNode()], "a new pass computes every node again");
        assertEquals(1, secondSeed.tangents()[w.inputs().get(1)].item());
        assertEquals(0, secondSeed.tangents()[w.inputs().get(0)].item());
        w.step();
        w.step();
        TangentFrame f2 = w.step();
        assertEquals("∂f/∂y = ṫ(f) = 16", f2.explanation().lines().get(1));
        TangentFrame done = w.step();
        assertTrue(done.done() && w.isDone());
        assertEquals(List.of("∂f/∂x = ṫ(f) = 21      ∇f[x] = 21", "∂f/∂y = ṫ(f) = 16      ∇f[y] = 16"),
                done.explanation().lines());
        assertTrue(w.step().done(), "Step stays on the summary");

        assertEquals(16, w.stepBack().tangents()[f2.activeNode()].item(), "back to the end of pass 2");
        for (int i = 0; i < 3; i++) {
            w.stepBack();
        }
        assertEquals(2, w.frame().pass());
        assertEquals(1, w.stepBack().pass(), "back across passes");
        assertEquals(-1, w.reset().activeNode());
    }

    /** On every shipped lesson each pass's ṫ(output) is the summed gradient of one backward pass, to 1e-12. */
    @Test
    void onEveryShippedLessonEachPassEndsAtReverseModesGradient() throws Exception {
        for (String name : ShippedLessons.NAMES) {
            Lesson reverse = Lesson.compile(ShippedLessons.source(name), name + ".bp");
            reverse.forward();
            reverse.zeroGrad();
            reverse.backward();
            TangentWalk w = walk(name);
            int output = w.graph().output();
            for (int p = 0; p < w.inputs().size(); p++) {
                TangentFrame f;
                do {
                    f = w.step();
                } while (!"explain.tangent.passDone".equals(f.explanation().noteKey()));
                Tensor input = reverse.tensor(name(w, w.inputs().get(p))).orElseThrow();
                double gradient = 0;
                for (double g : input.gradSnapshot().values()) {
                    gradient += g;
                }
                double tangent = f.tangents()[output].values()[0];
                assertEquals(gradient, tangent, 1e-12 * Math.max(1, Math.abs(gradient)), name + " pass " + (p + 1));
            }
            assertTrue(w.step().done(), name);
        }
    }
}
