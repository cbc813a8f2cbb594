package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Clipping;

/** The eval command: exit codes, what goes to stdout and stderr, and JSON that reads back bit for bit. */
class EvalCommandTest {

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    @Test
    void aLessonErrorIsOneLineOnStderrWithExitCode1() throws IOException {
        // A bad lesson file is a failure while running, as a bad data or model file is (README); 2 is for usage.
        String file = write("bad.bp", "x = 1\ny = x + z\n");
        Eval.Run r = Eval.run(file);
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals(List.of(file + ":2:9: unknown name 'z'"), r.errLines());
    }

    @Test
    void everySyntaxErrorGetsItsOwnLine() throws IOException {
        String file = write("bad.bp", "x = [1, 2\ny = 1\nparam w = y * 2\n");
        Eval.Run r = Eval.run(file, "--json");
        assertEquals(1, r.exit());
        assertEquals(2, r.errLines().size());
        assertTrue(r.errLines().get(0).startsWith(file + ":1:5: unclosed '['"));
        assertTrue(r.errLines().get(1).startsWith(file + ":3:11: param w needs a literal"));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void unreadableFiles() throws IOException {
        Eval.Run missing = Eval.run(dir.resolve("nope.bp").toString());
        assertEquals(1, missing.exit());
        assertEquals(List.of(dir.resolve("nope.bp") + ": no such file"), missing.errLines());
        Path latin1 = dir.resolve("latin1.bp");
        Files.write(latin1, new byte[] {'x', ' ', '=', ' ', '1', ' ', '#', ' ', (byte) 0xE9, '\n'});
        Eval.Run notUtf8 = Eval.run(latin1.toString());
        assertEquals(1, notUtf8.exit());
        assertEquals(List.of(latin1 + ": not UTF-8 text"), notUtf8.errLines());
        Eval.Run directory = Eval.run(dir.toString());
        assertEquals(1, directory.exit());
        assertEquals(List.of(dir + ": is a directory, not a lesson file"), directory.errLines());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--steps -1|--steps must be 0 or more, got -1",
        "--steps x|Invalid value for option '--steps'",
        "--lr 0|--lr must be a positive number, got 0.0",
        "--lr NaN|--lr must be a positive number, got NaN",
        "--optimizer lbfgs|--optimizer must be one of sgd, momentum, nesterov, rmsprop, adam; got 'lbfgs'",
        "--clip-norm -1|--clip-norm must be a positive number, got -1.0",
        "--frobnicate|Unknown option: '--frobnicate'"})
    void usageErrorsExitWith2AndSayWhy(String options, String message) throws IOException {
        String file = write("ok.bp", "x = 1\n");
        String[] args = (file + " " + options).split(" ");
        Eval.Run r = Eval.run(args);
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(message), r.err());
        assertTrue(r.err().contains("Usage: eval"), "usage follows the message");
    }

    @Test
    void noFileIsAUsageError() {
        Eval.Run r = Eval.run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Missing required parameter: 'FILE'"), r.err());
    }

    @Test
    void helpGoesToStdoutWithExitCode0() {
        Eval.Run r = Eval.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--clip-norm=X"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }

    @Test
    void jsonHasTheDocumentedKeysAndReadsBackAsTheEnginesNumbers() throws IOException, LessonException {
        String text = "param w = [[0.1, -0.2], [0.3, 0.4]]\nconst x = [[1, 2], [3, 4], [-1, 0.5]]\n"
                + "const t = [[1, 0], [0, 1], [1, 0]]\nz = x @ w\nloss L = cross_entropy(z, t)\nneg0 = -0 * L\n";
        String file = write("net.bp", text);
        Eval.Run r = Eval.run(file, "--json", "--steps", "3", "--optimizer", "adam", "--lr", "0.01");
        JsonNode json = r.json();
        assertEquals("", r.err());
        assertEquals(List.of("output", "loss", "steps", "values", "grads"), Eval.fieldNames(json));
        assertEquals(3, json.get("steps").intValue());
        Lesson engine = Lesson.compile(text, file);
        LessonTraining.run(engine, new LessonTraining.Settings(3, OptimizerKind.ADAM, 0.01, Clipping.NONE));
        Eval.assertMatchesEngine(json, engine);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Eval.scalar(json, "values", "neg0")));
    }

    @Test
    void nanAndInfinityArePrintedAsNullWithTheFirstNamedOnStderr() throws IOException, LessonException {
        String text = "a = log(-1)\nb = 1 / 0\nc = [1, 2] / 0\nloss L = sum(c)\n";
        String file = write("nan.bp", text);
        Eval.Run r = Eval.run(file, "--json");
        JsonNode json = r.json();
        assertTrue(json.get("loss").isNull());
        assertTrue(json.get("values").get("a").isNull());
        assertTrue(json.get("values").get("c").get(0).get(1).isNull());
        assertEquals(List.of("warning: node a = NaN in the forward pass (the first non-finite value)",
                "warning: NaN or infinite numbers in loss, values.a, values.b, values.c, values.L;"
                + " JSON has no such numbers, so they are printed as null"), r.errLines());
        assertEquals(0, r.exit());
        Lesson engine = Lesson.compile(text, file);
        LessonTraining.run(engine, LessonTraining.Settings.none());
        Eval.assertMatchesEngine(json, engine);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "b = 1 / 0|node b = Infinity in the forward pass",
        "b = log(0)|node b = -Infinity in the forward pass",
        "b = sqrt(-1)|node b = NaN in the forward pass",
        "b = [[1, 2], [3, 4]] / [1, 0]|node b = Infinity at row 1, column 2 in the forward pass",
        "b = sqrt(a) * 2|the gradient of const a = Infinity in the backward pass",
        "b = log(a - 0) + 1|'log(a - 0)' (part of b, line 2) = -Infinity in the forward pass"})
    void theTableTooWarnsOfTheFirstNonFiniteValueAndExits0(String statement, String what) throws IOException {
        // Issue 13, row 14: the table printed NaN and Infinity without a word on stderr, while --json warned.
        String file = write("nan.bp", "a = 0\n" + statement + "\n");
        Eval.Run r = Eval.run(file);
        assertEquals(0, r.exit());
        assertEquals(List.of("warning: " + what + " (the first non-finite value)"), r.errLines());
        assertTrue(r.out().startsWith(file + ": output b = "), r.out());
    }

    @Test
    void withoutJsonATableOfNamesValuesAndGradients() throws IOException {
        String file = write("c.bp", "x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n");
        Eval.Run r = Eval.run(file);
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        assertEquals(file + ": output f = -12 (the last statement; there is no loss statement)\n"
                + "no training steps (--steps 0): one forward and one backward pass\n\n"
                + "name  kind    shape  value  gradient\n"
                + "x     const   1x1    -2     -4\n"
                + "y     const   1x1    5      -4\n"
                + "z     const   1x1    -4     3\n"
                + "q     node    1x1    3      -4\n"
                + "f     output  1x1    -12    1\n", r.out());
    }

    @Test
    void theTableReportsTrainingAndClipping() throws IOException {
        String file = write("w.bp", "param w = 3\nloss L = w ^ 2\n");
        Eval.Run r = Eval.run(file, "--steps", "2", "--lr", "0.5", "--clip-norm", "1");
        assertEquals(0, r.exit());
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals(file + ": output L = 4 (the loss)", lines.get(0));
        assertEquals("2 steps of sgd, learning rate 0.5; output before the first step 9", lines.get(1));
        assertEquals("gradient norm clipped to 1 in 2 of 2 steps; norm before clipping: first step 6, last step 5",
                lines.get(2));
        assertTrue(lines.contains("w     param  1x1    2      4"), r.out());
    }

    @Test
    void numbersAreWrittenToReadBackExactly() {
        for (double v : new double[] {0.1, -0.0, 1e-5, 1e21, Double.MIN_VALUE, Double.MAX_VALUE, 2e23, 1.0 / 3,
            5e-324, 9007199254740993.0, 0.30000000000000004}) {
            String s = JsonWriter.number(v);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
        }
        assertEquals("\"a\\\"b\\\\c\\n\\u6743\\u0001\"", JsonWriter.quote("a\"b\\c\n权\u0001"));
    }
}
