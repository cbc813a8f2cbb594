package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The commands' JSON, byte for byte: the forms of every kind of value, and {@code eval --json} of a shipped lesson
 * against the text it printed when this test was written (src/test/resources/org/backproplab/cli/; since issue 14 a
 * lesson without a loss statement prints {@code "loss": null}, so the fixture of lesson 02 says so).
 */
class JsonOutputTest {

    @Test
    void valuesOfEveryKindHaveOneForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("int", 3);
        m.put("long", 60_000L);
        m.put("whole", 2.0);
        m.put("negativeZero", -0.0);
        m.put("fraction", 0.1 + 0.2);
        m.put("tiny", 1e-5);
        m.put("huge", 1e20);
        m.put("nan", Double.NaN);
        m.put("infinity", Double.NEGATIVE_INFINITY);
        m.put("none", null);
        m.put("yes", true);
        m.put("text", "a \"b\"\\c\n\td é 中");
        m.put("list", Arrays.asList(1.5, null, List.of(), Map.of()));
        assertEquals("{\"int\": 3, \"long\": 60000, \"whole\": 2, \"negativeZero\": -0.0, \"fraction\": 0.30000000000000004, "
                + "\"tiny\": 1.0E-5, \"huge\": 1.0E20, \"nan\": null, \"infinity\": null, \"none\": null, \"yes\": true, "
                + "\"text\": \"a \\\"b\\\"\\\\c\\n\\td \\u00e9 \\u4e2d\", \"list\": [1.5, null, [], {}]}", JsonWriter.write(m));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(new Object())));
    }

    /** Output and loss are different things: a lesson without a loss statement has an output and no loss. */
    @Test
    void theLossIsNullWithoutALossStatementAndANumberWithOne() {
        CliRun circuit = CliRun.of("eval", "resources/lessons/01_circuit.bp", "--json");
        assertEquals(0, circuit.exitCode(), circuit.err());
        assertTrue(circuit.out().startsWith("{\n  \"output\": \"f\",\n  \"loss\": null,\n"), circuit.out());
        assertTrue(circuit.out().contains("\n    \"f\": -12.0\n"), "the output's value, under its name");
        assertEquals("", circuit.err(), "no loss is not a NaN: nothing to warn about");

        CliRun softmax = CliRun.of("eval", "resources/lessons/04_softmax_cross_entropy.bp", "--json");
        assertEquals(0, softmax.exitCode(), softmax.err());
        String loss = softmax.out().lines().filter(l -> l.startsWith("  \"loss\": ")).findFirst().orElseThrow();
        String lossL = softmax.out().lines().filter(l -> l.startsWith("    \"L\": ")).findFirst().orElseThrow();
        assertTrue(loss.matches("  \"loss\": 0\\.[0-9]+,"), loss);
        assertEquals(lossL.substring("    \"L\": ".length()), loss.substring("  \"loss\": ".length()),
                "the loss is L's value, the same digits");
    }

    @Test
    void evalJsonIsTheTextItWas() throws IOException {
        Path expected = Path.of("src/test/resources/org/backproplab/cli/eval-02_sigmoid_neuron.json");
        CliRun run = CliRun.of("eval", "resources/lessons/02_sigmoid_neuron.bp", "--json", "--steps", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), run.out());
    }
}
