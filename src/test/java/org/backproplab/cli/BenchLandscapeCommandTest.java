package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bench-landscape prints its figures (no time is asserted) and refuses sizes out of range in one line. */
class BenchLandscapeCommandTest {

    @Test
    void smallSizesPrintEveryFigure() {
        CliRun run = CliRun.of("bench-landscape", "--contour", "20", "--basins", "5", "--steps", "10", "--repeats", "2");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(4, lines.length, run.out());
        assertTrue(lines[0].startsWith("contour 20x20, one graph over the grid: first "), lines[0]);
        assertTrue(lines[1].startsWith("contour 20x20, one scalar graph per point: "), lines[1]);
        assertTrue(lines[2].startsWith("basin map 5x5 starts x 10 steps, sgd: "), lines[2]);
        assertTrue(lines[3].startsWith("basin map 5x5 starts x 10 steps, momentum: "), lines[3]);
    }

    @Test
    void aSizeOutOfRangeIsOneLine() {
        CliRun run = CliRun.of("bench-landscape", "--contour", "100000");
        assertEquals(BackpropLabCommand.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("backprop-lab bench-landscape: --contour must be from 2 to 1000, not 100000"),
                run.err());
    }
}
