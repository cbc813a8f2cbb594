package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GradFlowCommandTest {

    @Test
    void jsonHasEveryLayerFromTheInputSideAndBothNorms() throws Exception {
        CliRun run = CliRun.of("gradflow", "--depth", "4", "--width", "16", "--activation", "tanh", "--init", "xavier",
                "--steps", "3", "--seed", "1", "--clip-norm", "0.5", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = new ObjectMapper().readTree(run.out());
        assertEquals(4, o.get("layers").size());
        for (int i = 0; i < 4; i++) {
            JsonNode layer = o.get("layers").get(i);
            assertEquals(i + 1, layer.get("index").asInt());
            for (String key : new String[] {"weight_grad_norm", "update_ratio", "activation_mean", "activation_std"}) {
                assertTrue(layer.get(key).isNumber(), key);
            }
        }
        assertTrue(o.get("layers").get(3).get("saturated_fraction").isNull(), "the output layer has no activation");
        assertEquals(3, o.get("loss").size());
        assertTrue(o.get("grad_norm_after_clip").asDouble() <= 0.5 + 1e-9);
        assertTrue(o.get("grad_norm_before_clip").asDouble() >= o.get("grad_norm_after_clip").asDouble());
    }

    @Test
    void stepsZeroMeasuresAtInitialisationWithoutClippingEqualNorms() throws Exception {
        CliRun run = CliRun.of("gradflow", "--depth", "3", "--width", "8", "--activation", "relu", "--init", "he",
                "--steps", "0", "--seed", "2", "--json");
        JsonNode o = new ObjectMapper().readTree(run.out());
        assertEquals(1, o.get("loss").size());
        assertEquals(o.get("grad_norm_before_clip").asDouble(), o.get("grad_norm_after_clip").asDouble());
        assertEquals(0, o.get("layers").get(0).get("update_ratio").asDouble());
    }

    @Test
    void outOfRangeDepthIsAUsageError() {
        CliRun run = CliRun.of("gradflow", "--depth", "30", "--width", "64", "--activation", "relu", "--init", "he",
                "--steps", "0", "--seed", "0");
        assertEquals(2, run.exitCode());
        assertEquals("gradflow: depth is 2 to 20 and width 8 to 256; got depth 30, width 64", run.err().strip());
    }
}
