package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;

/** The step-through benchmark prints its figures (never judged by time here) and its lesson has the size asked. */
class BenchStepperCommandTest {

    @Test
    void theGeneratedLessonHasAboutTheNodesAsked() throws LessonException {
        for (int n : new int[] {60, 200, 500}) {
            int size = Lesson.compile(BenchStepperCommand.lessonOf(n), "g.bp").graph().nodes().size();
            assertTrue(Math.abs(size - n) <= n / 20, n + " asked, " + size + " made");
        }
    }

    @Test
    void printsLayoutAndStepTimes() {
        CliRun run = CliRun.of("bench-stepper", "--nodes", "40", "--repeats", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)lesson: \\d+ nodes.*layout: first [\\d.]+ ms.*median [\\d.]+ ms.*"
                + "step: \\d+ steps over 2 iterations, median [\\d.]+ ms.*run: 1000 iterations.*"), run.out());
    }

    @Test
    void refusesNonsense() {
        assertEquals(BackpropLabCommand.USAGE, CliRun.of("bench-stepper", "--nodes", "1").exitCode());
        // Issue 13: a huge --nodes spent ages choosing the lesson's widths (nodes² tries) before it printed anything.
        CliRun huge = CliRun.of("bench-stepper", "--nodes", "2147483647");
        assertEquals(BackpropLabCommand.USAGE, huge.exitCode());
        assertEquals("backprop-lab bench-stepper: --nodes must be between 4 and 2000, not 2147483647 "
                + "(try 'backprop-lab bench-stepper --help')", huge.err().strip());
        assertEquals("backprop-lab bench-stepper: --repeats must be between 1 and 1000, not 0 "
                + "(try 'backprop-lab bench-stepper --help')",
                CliRun.of("bench-stepper", "--repeats", "0").err().strip());
    }
}
