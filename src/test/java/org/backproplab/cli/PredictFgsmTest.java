package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.backproplab.nn.Model;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --fgsm EPS}: both predictions, the JSON line of each image of a range, and the options' limits. */
class PredictFgsmTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void saveAModel() throws IOException {
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 16, 10});
        model = dir.resolve("m.bpmodel");
        ModelFile.save(new Model(config, config.buildNetwork()), model);
    }

    @Test
    void jsonGivesEveryImageOfTheRangeWithItsAttackedPrediction() throws Exception {
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--image", "3-5", "--fgsm", "0.1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(3, lines.size(), run.out());
        for (int k = 0; k < 3; k++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = new ObjectMapper().readValue(lines.get(k), Map.class);
            assertEquals(List.of("image", "label", "predicted", "probabilities", "adversarial"),
                    List.copyOf(line.keySet()));
            assertEquals(3 + k, line.get("image"));
            @SuppressWarnings("unchecked")
            Map<String, Object> adversarial = (Map<String, Object>) line.get("adversarial");
            assertEquals(List.of("epsilon", "predicted", "probabilities", "max_pixel_change"),
                    List.copyOf(adversarial.keySet()));
            assertEquals(0.1, ((Number) adversarial.get("epsilon")).doubleValue());
            double change = ((Number) adversarial.get("max_pixel_change")).doubleValue();
            assertTrue(change > 0 && change <= 0.1 + 1e-6, "max pixel change " + change);
            double sum = ((List<?>) adversarial.get("probabilities")).stream()
                    .mapToDouble(v -> ((Number) v).doubleValue()).sum();
            assertEquals(1, sum, 1e-6);
        }
        assertEquals(List.of(0, 4, 1), List.of(
                ((Number) new ObjectMapper().readValue(lines.get(0), Map.class).get("label")).intValue(),
                ((Number) new ObjectMapper().readValue(lines.get(1), Map.class).get("label")).intValue(),
                ((Number) new ObjectMapper().readValue(lines.get(2), Map.class).get("label")).intValue()),
                "MNIST's test images 3, 4 and 5 are a 0, a 4 and a 1");
    }

    @Test
    void withoutFgsmTheLineHasNoAdversarialAndTheTextSaysBothPredictions() throws Exception {
        CliRun plain = CliRun.of("predict", "--model", model.toString(), "--image", "0", "--json");
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(plain.out().contains("adversarial"), plain.out());
        CliRun text = CliRun.of("predict", "--model", model.toString(), "--image", "0", "--fgsm", "0.2");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("predicted: ") && text.out().contains("after FGSM, epsilon 0.2 (largest pixel "
                + "change 0.2000):"), text.out());
    }

    @Test
    void optionsOutsideTheirRangeAreUsageErrorsInOneLine() {
        String m = model.toString();
        for (String[] args : List.of(new String[] {"--image", "0", "--fgsm", "2"},
                new String[] {"--image", "0", "--fgsm", "-0.1"}, new String[] {"--image", "5-3"},
                new String[] {"--image", "x"}, new String[] {"--image", "9990-10009"})) {
            String[] all = new String[args.length + 3];
            all[0] = "predict";
            all[1] = "--model";
            all[2] = m;
            System.arraycopy(args, 0, all, 3, args.length);
            CliRun run = CliRun.of(all);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("predict: --"), run.err());
        }
    }
}
