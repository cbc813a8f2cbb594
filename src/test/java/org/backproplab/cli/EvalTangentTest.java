package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.ForwardMode;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonTraining;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code eval --tangent NAME}: every name's tangent by one forward-mode pass, in the table and in JSON. */
class EvalTangentTest {

    /** f = (x·y)·(x + y) at x = 2, y = 3: ∂f/∂x = y·b + a = 21, ∂f/∂y = x·b + a = 16. */
    private static final String PRODUCT = "x = 2\ny = 3\na = x * y\nb = x + y\nf = a * b\n";

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    @Test
    void theTableGetsATangentColumnAndSaysWhatItIs() throws IOException {
        String file = write("f.bp", PRODUCT);
        Eval.Run r = Eval.run(file, "--tangent", "x");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        assertEquals(file + ": output f = 30 (the last statement; there is no loss statement)\n"
                + "no training steps (--steps 0): one forward and one backward pass\n"
                + "tangent: d(name)/d(x) by forward mode, one forward pass that carries each node's tangent, seeded"
                + " with 1 at x\n\n"
                + "name  kind    shape  value  gradient  tangent\n"
                + "x     const   1x1    2      21        1\n"
                + "y     const   1x1    3      16        0\n"
                + "a     node    1x1    6      5         3\n"
                + "b     node    1x1    5      6         1\n"
                + "f     output  1x1    30     1         21\n", r.out());
    }

    @Test
    void jsonGetsTangentOfAndTangentsBesideValuesAndGrads() throws IOException, LessonException {
        String file = write("f.bp", PRODUCT);
        JsonNode json = Eval.run(file, "--json", "--tangent", "y").json();
        assertEquals(List.of("output", "loss", "steps", "values", "grads", "tangent_of", "tangents"),
                Eval.fieldNames(json));
        assertEquals("y", json.get("tangent_of").asText());
        assertEquals(List.of("x", "y", "a", "b", "f"), Eval.fieldNames(json.get("tangents")));
        assertEquals(0, Eval.scalar(json, "tangents", "x"));
        assertEquals(1, Eval.scalar(json, "tangents", "y"));
        assertEquals(2, Eval.scalar(json, "tangents", "a"), "ȧ = x·ẏ");
        assertEquals(1, Eval.scalar(json, "tangents", "b"));
        assertEquals(16, Eval.scalar(json, "tangents", "f"), "ḟ = ȧ·b + a·ḃ = 2·5 + 6·1");
        assertEquals(Eval.scalar(json, "grads", "y"), Eval.scalar(json, "tangents", "f"),
                "forward mode along y gives what one backward pass gives for y");
        Lesson engine = Lesson.compile(PRODUCT, file);
        LessonTraining.run(engine, LessonTraining.Settings.none());
        Eval.assertMatchesEngine(json, engine);
        assertEquals(List.of("output", "loss", "steps", "values", "grads"), Eval.fieldNames(Eval.run(file, "--json")
                .json()), "without --tangent the object is as before");
    }

    /** Matrix leaves: one element gives that element's gradient, a plain name the sum of its gradient. */
    @Test
    void anElementOfAMatrixGivesItsGradientAndTheWholeMatrixTheirSum() {
        String lesson = ShippedLessonsTest.LESSONS.resolve("03_two_layer_network.bp").toString();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                JsonNode json = Eval.run(lesson, "--json", "--tangent", "W1[" + r + "][" + c + "]").json();
                double gradient = Eval.grads(json, "W1")[r][c];
                assertEquals(gradient, Eval.scalar(json, "tangents", "E"), Math.abs(gradient) * 1e-12);
                double[][] seed = Eval.matrix(json.get("tangents").get("W1"));
                assertEquals(1, seed[r][c]);
                assertEquals(1, seed[0][0] + seed[0][1] + seed[1][0] + seed[1][1], "the seed is e_" + r + c);
            }
        }
        JsonNode whole = Eval.run(lesson, "--json", "--tangent", "W2").json();
        double[][] g = Eval.grads(whole, "W2");
        assertEquals(g[0][0] + g[0][1] + g[1][0] + g[1][1], Eval.scalar(whole, "tangents", "E"), 1e-15);
        assertEquals("W2", whole.get("tangent_of").asText());
    }

    @Test
    void afterTrainingTheTangentsAreTakenAtTheTrainedValues() throws IOException, LessonException {
        String text = "param w = 0\nloss L = (w - 3)^2\n";
        String file = write("w.bp", text);
        JsonNode json = Eval.run(file, "--json", "--steps", "2", "--lr", "0.1", "--tangent", "w").json();
        // w: 0 → 0.6 → 1.08; dL/dw = 2·(1.08 − 3) = −3.84.
        assertEquals(1.08, Eval.scalar(json, "values", "w"), 1e-15);
        assertEquals(-3.84, Eval.scalar(json, "tangents", "L"), 1e-14);
        Lesson engine = Lesson.compile(text, file);
        LessonTraining.run(engine, new LessonTraining.Settings(2, OptimizerKind.SGD, 0.1, Clipping.NONE));
        Tensor w = engine.tensor("w").orElseThrow();
        ForwardMode.Tangents t = engine.tangents(w, ForwardMode.ones(w), null);
        for (Map.Entry<String, Tensor> e : engine.bindings().entrySet()) {
            assertEquals(t.of(e.getValue()).item(), Eval.scalar(json, "tangents", e.getKey()), e.getKey());
        }
    }

    @Test
    void aNonFiniteTangentIsNullWithTheWarningNamingIt() throws IOException {
        String file = write("s.bp", "x = 0\ny = sqrt(x)\n");
        Eval.Run r = Eval.run(file, "--json", "--tangent", "x");
        assertTrue(r.json().get("tangents").get("y").isNull());
        assertTrue(r.err().contains("tangents.y"), r.err());
        assertEquals(0, r.exit());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "q|--tangent 'q': no such name in FILE; the lesson's leaves are x, y",
        "a|--tangent 'a': a is computed (by mul), not a leaf; the lesson's leaves are x, y",
        "x[0][1]|--tangent 'x[0][1]': x is 1x1, so its rows count from 0 to 0 and its columns from 0 to 0",
        "x[|--tangent must be a name, or one element as name[row][column] counted from 0; got 'x['",
        "x[-1][0]|--tangent must be a name, or one element as name[row][column] counted from 0; got 'x[-1][0]'"})
    void aNameThatIsNoLeafIsAUsageErrorOnOneLineNamingTheLeaves(String name, String message) throws IOException {
        String file = write("f.bp", PRODUCT);
        CliRun run = CliRun.of("eval", file, "--tangent", name);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("backprop-lab eval: " + message.replace("FILE", file) + " (try 'backprop-lab eval --help')\n",
                run.err().replace("\r\n", "\n"));
    }

    @Test
    void helpDescribesTheOption() {
        Eval.Run r = Eval.run("--help");
        assertTrue(r.out().contains("--tangent=NAME"), r.out());
        assertTrue(r.out().contains("forward-mode automatic differentiation"), r.out());
    }
}
