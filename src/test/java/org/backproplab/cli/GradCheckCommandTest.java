package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class GradCheckCommandTest {

    /** The ops of the engine that the Foundation issue names, the max gate (issue 16), sin and cos (issue 15), in the order gradcheck prints them. */
    private static final List<String> OPS = List.of("add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sqrt",
            "abs", "tanh", "sigmoid", "relu", "leaky_relu", "matmul", "transpose", "sum", "mean", "softmax",
            "log_softmax", "cross_entropy", "mse", "batchnorm", "max", "sin", "cos");

    /** "op   1.2e-10  ok  graph": the name, an error in scientific notation, the verdict. */
    private static final Pattern ROW = Pattern.compile("^(\\w+)\\s+(\\d\\.\\de-\\d\\d)\\s+(ok|FAIL)\\s+\\S.*$");

    @Test
    void everyOpPassesAtTheDefaultSeed() {
        CliRun run = CliRun.of("gradcheck");
        List<String> rows = run.out().lines().filter(line -> ROW.matcher(line).matches()).toList();
        assertEquals(OPS, rows.stream().map(line -> line.split("\\s+")[0]).toList(), run.out());
        for (String row : rows) {
            var m = ROW.matcher(row);
            assertTrue(m.matches());
            assertEquals("ok", m.group(3), row);
            assertTrue(Double.parseDouble(m.group(2)) < GradCheckCommand.TOLERANCE, row);
        }
        assertTrue(run.out().contains("26 ops checked: 26 ok, 0 failed"), run.out());
        assertEquals(0, run.exitCode(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aSeedNamesARun() {
        assertEquals(CliRun.of("gradcheck", "--seed", "7").out(), CliRun.of("gradcheck", "--seed", "7").out());
        assertNotEquals(CliRun.of("gradcheck", "--seed", "7").out(), CliRun.of("gradcheck", "--seed", "8").out());
    }

    @Test
    void aSeedThatIsNotANumberIsAUsageError() {
        CliRun run = CliRun.of("gradcheck", "--seed", "seven");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'seven' is not a long"), run.err());
    }
}
