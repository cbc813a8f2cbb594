package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The landscape command: one optimizer's path on a surface, its JSON form and its one-line refusals. */
class LandscapeCommandTest {

    @Test
    void theJsonPathStartsAtTheStartAndEndsWhereTheReferenceDoes() {
        CliRun run = CliRun.of("landscape", "--surface", "double_well", "--optimizer", "momentum", "--lr", "0.01",
                "--start=2,1", "--steps", "1000", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.out().strip();
        assertTrue(json.startsWith("{\"surface\": \"x^4 - 3*x^2 + x + y^2\", \"optimizer\": \"momentum\", \"steps\": 1000, "
                + "\"points\": [[2, 1, 7], [1.79, 0.98, "), json.substring(0, 120));
        // the independent reference (src/test/resources/labs/landscape_reference.py): x = -1.300839565941577
        assertTrue(json.contains("\"final\": {\"x\": -1.30083956594"), json.substring(json.indexOf("\"final\"")));
        assertEquals(1001, json.split("\\], \\[", -1).length, "the start and one point per step");
    }

    @Test
    void aNegativeStartWithEqualsAndAnExpressionSurface() {
        CliRun run = CliRun.of("landscape", "--surface", "(1 - x)^2 + 100*(y - x^2)^2", "--optimizer", "adam",
                "--start=-1.5,2", "--steps", "3");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(5, lines.length, run.out());
        assertTrue(lines[1].strip().startsWith("0                   -1.5                    2.0"), lines[1]);
    }

    @Test
    void badValuesAreOneUsageLineEach() {
        CliRun unknown = CliRun.of("landscape", "--surface", "x^2 + z", "--start", "1,1");
        assertEquals(BackpropLabCommand.USAGE, unknown.exitCode());
        assertTrue(unknown.err().startsWith("landscape: --surface 'x^2 + z': column 7: "), unknown.err());
        assertEquals(1, unknown.err().strip().split("\n").length, unknown.err());
        assertEquals("landscape: --start must be two numbers X,Y, like 2,1 or -1.5,2; not '1'",
                CliRun.of("landscape", "--surface", "bowl", "--start", "1").err().strip());
        assertEquals(BackpropLabCommand.USAGE, CliRun.of("landscape", "--surface", "bowl", "--start", "1,1",
                "--optimizer", "newtonish").exitCode());
        assertEquals(BackpropLabCommand.USAGE, CliRun.of("landscape", "--surface", "bowl", "--start", "1,1",
                "--lr", "0").exitCode());
    }

    @Test
    void aLearningRateTooLargeWarnsAndStops() {
        CliRun run = CliRun.of("landscape", "--surface", "rosenbrock", "--lr", "0.1", "--start=-1.5,2", "--steps", "100");
        assertEquals(0, run.exitCode());
        assertTrue(run.err().startsWith("landscape: warning: step "), run.err());
        assertFalse(run.out().contains("\n     100 "), "it stopped before step 100");
    }

    @Test
    void newtonReachesTheBottomOfTheRavineInOneStep() {
        CliRun run = CliRun.of("landscape", "--surface", "ravine", "--optimizer", "newton", "--lr", "1",
                "--start=-9,1.5", "--steps", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String end = run.out().substring(run.out().indexOf("\"final\""));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"x\": ([^,]+), \"y\": ([^,]+),").matcher(end);
        assertTrue(m.find(), end);
        assertEquals(0, Double.parseDouble(m.group(1)), 1e-6);
        assertEquals(0, Double.parseDouble(m.group(2)), 1e-6);
    }

    @Test
    void gradientNoiseComesOnlyWithNoiseAndIsTheSameForTheSameSeed() {
        String[] base = {"landscape", "--surface", "bowl", "--start", "2,1", "--steps", "5", "--lr", "0.1"};
        String plain = CliRun.of(base).out();
        String noisy = CliRun.of(concat(base, "--noise", "0.5", "--seed", "3")).out();
        assertFalse(plain.equals(noisy), "noise changes the path");
        assertEquals(noisy, CliRun.of(concat(base, "--noise", "0.5", "--seed", "3")).out());
        assertFalse(noisy.equals(CliRun.of(concat(base, "--noise", "0.5", "--seed", "4")).out()));
        assertEquals("landscape: --noise must be 0 or more, not -1",
                CliRun.of(concat(base, "--noise", "-1")).err().strip());
        assertEquals("landscape: --beta2 must be in [0, 1), not 1",
                CliRun.of(concat(base, "--optimizer", "adam", "--beta2", "1")).err().strip());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
