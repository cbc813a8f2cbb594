package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;

/** Quiz mode's questions are the frames' own numbers; answers within 1 % or to 3 significant digits are right. */
class QuizTest {

    private static Stepper circuit() throws LessonException {
        return new Stepper(Lesson.compile(ShippedLessons.source("01_circuit"), "01_circuit.bp"), OptimizerKind.SGD, 0.1);
    }

    @Test
    void forwardAsksForTheValueAndBackwardForTheGradient() throws LessonException {
        Stepper s = circuit();
        Quiz quiz = new Quiz();
        Quiz.Question q = Quiz.of(s.step(), s.graph());
        assertEquals(Phase.FORWARD, q.phase());
        assertEquals("q", q.name());
        assertEquals(3, q.expected());
        assertEquals("q = x + y = -2 + 5 = 3", q.explanation().get(0));
        assertTrue(quiz.answer(q, 3).right());
        assertFalse(quiz.answer(q, -3).right());
        assertEquals(2, quiz.asked());
        assertEquals(1, quiz.right());
        s.step(); // f = -12
        Quiz.Question seed = Quiz.of(s.step(), s.graph());
        assertEquals(Phase.BACKWARD, seed.phase());
        Quiz.Question dq = Quiz.of(s.step(), s.graph());
        assertEquals("q", dq.name());
        assertEquals(-4, dq.expected(), "∂f/∂q = z");
        quiz.restart();
        assertEquals(0, quiz.asked());
    }

    @Test
    void atAForkTheGradientAskedIsTheSumAndAnUpdateAsksForTheNewValue() throws LessonException {
        Stepper s = new Stepper(Lesson.compile("param a = 3\nb = a * 2\nc = a + b", "fan.bp"), OptimizerKind.SGD, 0.1);
        s.finishPhase(); // forward
        Quiz.Question last = null;
        Frame f;
        do {
            f = s.step();
            Quiz.Question q = Quiz.of(f, s.graph());
            if (q != null && q.name().equals("a")) {
                last = q;
            }
        } while (f.phase() == Phase.BACKWARD && f.position() < f.count());
        assertEquals(3, last.expected(), "a receives 1 from c and 2 through b: the sum, 3");
        while (f.phase() != Phase.UPDATE) {
            f = s.step();
        }
        Quiz.Question update = Quiz.of(f, s.graph());
        assertEquals(Phase.UPDATE, update.phase());
        assertEquals("a", update.name());
        assertEquals(3 - 0.1 * 3, update.expected(), 1e-15);
    }

    @Test
    void aMatrixIsNotAsked() throws LessonException {
        Stepper s = new Stepper(Lesson.compile("param w = [1, 2]\nloss L = sum(w * w)", "m.bp"), OptimizerKind.SGD,
                0.1);
        assertNull(Quiz.of(s.step(), s.graph()), "w * w is a 1x2 matrix");
    }

    @Test
    void theRuleForARightAnswer() {
        assertTrue(Quiz.isRight(0.731, 0.7310585786300049), "3 significant digits");
        assertTrue(Quiz.isRight(0.7245, 0.7310585786300049), "within 1 %");
        assertFalse(Quiz.isRight(0.72, 0.7310585786300049));
        assertTrue(Quiz.isRight(-0.197, -0.19661193324148185));
        assertFalse(Quiz.isRight(0.197, -0.19661193324148185), "the sign matters");
        assertTrue(Quiz.isRight(0, 0));
        assertFalse(Quiz.isRight(0.001, 0));
        assertFalse(Quiz.isRight(Double.NaN, 1));
        assertTrue(Quiz.isRight(23_240_000_000.0, 23_244_835_680.0));
    }
}
