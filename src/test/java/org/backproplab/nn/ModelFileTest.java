package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading a model: the round trip, a foreign, truncated or newer file, a failed save. */
class ModelFileTest {

    @TempDir
    Path dir;

    static Model model() {
        TrainingConfig config = TrainingConfig.defaults(new int[] {6, 5, 3})
                .withNetwork(Activation.Kind.TANH, true, 0.1, Initializer.Scheme.HE_UNIFORM).withSeed(9);
        Model m = new Model(config, config.buildNetwork());
        BatchNormLayer bn = (BatchNormLayer) m.network().modules().get(1);
        bn.statistics().setRunning(new double[] {1, 2, 3, 4, 5}, new double[] {0.5, 0.25, 2, 3, 4});
        return m;
    }

    @Test
    void roundTripKeepsConfigParametersStatisticsAndPredictions() throws Exception {
        Model original = model();
        Path file = dir.resolve("m.bplm");
        ModelFile.save(original, file);
        Model loaded = ModelFile.load(file);
        assertEquals(original.config(), loaded.config());
        List<Tensor> a = original.network().parameters();
        List<Tensor> b = loaded.network().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).snapshot().values(), b.get(i).snapshot().values(), a.get(i).name());
        }
        BatchNormLayer bn = (BatchNormLayer) loaded.network().modules().get(1);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, bn.statistics().runningMean());
        float[] pixels = {0.1f, 0.9f, 0.3f, 0.0f, 1.0f, 0.5f};
        assertArrayEquals(original.probabilities(pixels), loaded.probabilities(pixels));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void foreignFile() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a model");
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file));
        assertEquals("notes.txt: not a Backprop Lab model file (it does not start with \"BPLAB-MODEL\")", e.getMessage());
    }

    @Test
    void truncatedFile() throws Exception {
        Path file = dir.resolve("m.bplm");
        ModelFile.save(model(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file));
        assertEquals("m.bplm: truncated: the file ends before the model does", e.getMessage());
    }

    @Test
    void newerFormat() throws Exception {
        Path file = dir.resolve("m.bplm");
        ModelFile.save(model(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[15] = 3; // the version int follows the 12-byte magic
        Files.write(file, bytes);
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file));
        assertEquals("m.bplm: model format 3; this version of Backprop Lab reads formats 1 and 2", e.getMessage());
    }

    @Test
    void failedSaveLeavesTheEarlierFileIntact() throws Exception {
        Path file = dir.resolve("m.bplm");
        ModelFile.save(model(), file);
        byte[] before = Files.readAllBytes(file);
        Model broken = model();
        broken.network().parameters().get(0).named(null); // writing its name fails midway
        assertThrows(RuntimeException.class, () -> ModelFile.save(broken, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(file::equals), "the temporary file was removed");
        }
    }
}
