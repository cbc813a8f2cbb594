package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bench --batch-sizes}: a JSON line a batch size whose step count fits the budget; the limits of its options. */
class BatchSizeBenchTest {

    @Test
    void jsonHasALineABatchSizeWithItsStepsStepTimeAndLossCurve() throws Exception {
        CliRun run = CliRun.of("bench", "--batch-sizes", "32,60000", "--seconds", "0.3", "--layers", "784,16,10",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(2, lines.size(), run.out());
        for (int k = 0; k < 2; k++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> lane = new ObjectMapper().readValue(lines.get(k), Map.class);
            assertEquals(List.of("batch_size", "steps", "seconds", "step_seconds", "epoch_seconds", "epochs",
                    "final_loss", "points"), List.copyOf(lane.keySet()));
            assertEquals(List.of(32, 60000).get(k), lane.get("batch_size"));
            double steps = ((Number) lane.get("steps")).doubleValue();
            double stepSeconds = ((Number) lane.get("step_seconds")).doubleValue();
            double seconds = ((Number) lane.get("seconds")).doubleValue();
            assertEquals(seconds, steps * stepSeconds, 1e-9 * seconds);
            assertTrue(steps >= 0.3 / stepSeconds - 1e-9, "steps " + steps + " fill the budget: " + 0.3 / stepSeconds);
            assertTrue(((List<?>) lane.get("points")).size() >= 2, lines.get(k));
        }
    }

    @Test
    void optionsOutsideTheirRangeAreUsageErrors() {
        for (String[] args : List.of(new String[] {"--batch-sizes", "32", "--seconds", "0"},
                new String[] {"--batch-sizes", "0,32", "--seconds", "1"},
                new String[] {"--batch-sizes", "70000", "--seconds", "1"})) {
            String[] all = new String[args.length + 1];
            all[0] = "bench";
            System.arraycopy(args, 0, all, 1, args.length);
            CliRun run = CliRun.of(all);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("bench: --"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }
}
