package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.drawing.GraphLayout;
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

    /** Past the layout's limit (or int's range) a count is a usage error naming the option, the value and the limit. */
    @Test
    void nodesAndRepeatsAreBoundedWithOneLineNamingTheOptionTheValueAndTheLimit() {
        for (String n : new String[] {"3", "10001", "20000", "2147483647", "99999999999"}) {
            CliRun run = CliRun.of("bench-stepper", "--nodes", n);
            assertEquals(BackpropLabCommand.USAGE, run.exitCode(), n);
            assertEquals("backprop-lab bench-stepper: --nodes must be from 4 to 10000 (the most nodes the step-through"
                    + " view lays out), not " + n + " (try 'backprop-lab bench-stepper --help')"
                    + System.lineSeparator(), run.err());
            assertEquals("", run.out(), "nothing is benched");
        }
        for (String r : new String[] {"0", "1001"}) {
            CliRun run = CliRun.of("bench-stepper", "--nodes", "40", "--repeats", r);
            assertEquals(BackpropLabCommand.USAGE, run.exitCode(), r);
            assertEquals("backprop-lab bench-stepper: --repeats must be from 1 to 1000, not " + r
                    + " (try 'backprop-lab bench-stepper --help')" + System.lineSeparator(), run.err());
        }
    }

    /** The two widths are found in one pass, the same as a search of every pair would find them. */
    @Test
    void theWidthsAreTheClosestOfAllPairs() {
        for (int target = 4; target <= 300; target++) {
            int[] best = {1, 1};
            for (int w1 = 1; w1 <= target; w1++) {
                for (int w2 = 1; w2 <= target; w2++) {
                    if (Math.abs(BenchStepperCommand.nodesOf(w1, w2) - target)
                            < Math.abs(BenchStepperCommand.nodesOf(best[0], best[1]) - target)) {
                        best = new int[] {w1, w2};
                    }
                }
            }
            assertArrayEquals(best, BenchStepperCommand.widthsFor(target), "target " + target);
        }
    }

    @Test
    void theLessonForAnAcceptedCountStaysWithinTheLayoutsLimit() {
        for (int target = GraphLayout.MAX_NODES - 100; target <= GraphLayout.MAX_NODES; target++) {
            int[] w = BenchStepperCommand.widthsFor(target);
            int size = BenchStepperCommand.nodesOf(w[0], w[1]);
            assertTrue(size <= GraphLayout.MAX_NODES && Math.abs(size - target) <= 10, target + " asked, " + size);
        }
    }
}
