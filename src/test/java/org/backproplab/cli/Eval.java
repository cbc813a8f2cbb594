package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import picocli.CommandLine;

/** Runs {@code eval} in-process with captured stdout and stderr, and reads its JSON back with Jackson. */
final class Eval {

    /** Exit code and what was printed. */
    record Run(int exit, String out, String err) {
        JsonNode json() {
            assertEquals(0, exit, () -> "eval failed: " + err);
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private Eval() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvalCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The numbers of a JSON tensor: a number is 1×1, an array of rows is a matrix; null stands for NaN. */
    static double[][] matrix(JsonNode node) {
        if (!node.isArray()) {
            return new double[][] {{node.isNull() ? Double.NaN : node.doubleValue()}};
        }
        double[][] m = new double[node.size()][];
        for (int r = 0; r < node.size(); r++) {
            JsonNode row = node.get(r);
            assertTrue(row.isArray(), "a matrix is an array of rows");
            m[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                JsonNode v = row.get(c);
                assertTrue(v.isNull() || v.isDouble(), () -> "not a double: " + v);
                m[r][c] = v.isNull() ? Double.NaN : v.doubleValue();
            }
        }
        return m;
    }

    static double scalar(JsonNode json, String section, String name) {
        double[][] m = matrix(json.get(section).get(name));
        assertEquals(1, m.length * m[0].length, () -> name + " is not a scalar");
        return m[0][0];
    }

    static double[][] values(JsonNode json, String name) {
        return matrix(json.get("values").get(name));
    }

    static double[][] grads(JsonNode json, String name) {
        return matrix(json.get("grads").get(name));
    }

    /**
     * Every value and gradient in the JSON is the engine's, bit for bit; NaN and infinities are null. The
     * shape follows the rules: a 1×1 tensor is a bare number, anything else an array of rows.
     */
    static void assertMatchesEngine(JsonNode json, Lesson lesson) {
        assertEquals(lesson.outputName(), json.get("output").asText());
        if (lesson.hasLossStatement()) {
            assertSame(lesson.output().snapshot(), json.get("loss"), "loss");
        } else {
            assertTrue(json.get("loss").isNull(), "no loss statement, no loss: " + json.get("loss"));
        }
        assertEquals(List.copyOf(lesson.bindings().keySet()), fieldNames(json.get("values")));
        assertEquals(List.copyOf(lesson.bindings().keySet()), fieldNames(json.get("grads")));
        for (Map.Entry<String, Tensor> e : lesson.bindings().entrySet()) {
            assertSame(e.getValue().snapshot(), json.get("values").get(e.getKey()), "values." + e.getKey());
            assertSame(e.getValue().gradSnapshot(), json.get("grads").get(e.getKey()), "grads." + e.getKey());
        }
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertSame(Snapshot expected, JsonNode node, String where) {
        assertEquals(expected.isScalar(), !node.isArray(), () -> where + ": a scalar is a number, else rows");
        double[][] got = matrix(node);
        assertEquals(expected.rows(), got.length, where);
        for (int r = 0; r < expected.rows(); r++) {
            assertEquals(expected.cols(), got[r].length, where);
            for (int c = 0; c < expected.cols(); c++) {
                double want = expected.get(r, c);
                JsonNode raw = node.isArray() ? node.get(r).get(c) : node;
                if (Double.isFinite(want)) {
                    int rr = r;
                    int cc = c;
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got[r][c]),
                            () -> where + "[" + rr + "][" + cc + "]: " + want + " printed as " + raw);
                } else {
                    assertTrue(raw.isNull(), () -> where + ": " + want + " must be printed as null, not " + raw);
                }
            }
        }
    }
}
