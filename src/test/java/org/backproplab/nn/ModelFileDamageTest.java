package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that are damaged or hold numbers a model cannot use: format 2's checksums find a flipped byte and
 * name the part, NaN and infinite weights are refused on loading and on saving, and format-1 files (no
 * checksums) still load. The format-1 fixture was written by the format-1 writer (see nn/README.md).
 */
class ModelFileDamageTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelFileDamageTest.class.getResource("/nn/" + name).toURI());
    }

    /** The offset of the first value of a parameter: after its name (length-prefixed), rows and columns. */
    private static int valuesOf(byte[] file, String name) {
        byte[] utf = name.getBytes(StandardCharsets.UTF_8);
        byte[] prefixed = ByteBuffer.allocate(2 + utf.length).putShort((short) utf.length).put(utf).array();
        outer:
        for (int i = 0; i + prefixed.length <= file.length; i++) {
            for (int k = 0; k < prefixed.length; k++) {
                if (file[i + k] != prefixed[k]) {
                    continue outer;
                }
            }
            return i + prefixed.length + 8;
        }
        throw new AssertionError(name + " is not in the file");
    }

    private String loadFailure(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("m.bpmodel"), bytes);
        return assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file)).getMessage();
    }

    @Test
    void aFormatOneFileStillLoads() throws Exception {
        Model loaded = ModelFile.load(fixture("format-1.bpmodel"));
        Model expected = ModelFileTest.model();
        assertEquals(expected.config(), loaded.config());
        List<Tensor> a = expected.network().parameters();
        List<Tensor> b = loaded.network().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).snapshot().values(), b.get(i).snapshot().values(), a.get(i).name());
        }
        BatchNormLayer bn = (BatchNormLayer) loaded.network().modules().get(1);
        assertArrayEquals(new double[] {0.5, 0.25, 2, 3, 4}, bn.statistics().runningVar());
    }

    @Test
    void aNanOrInfiniteWeightIsRefusedWithItsTensorAndPlace() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("format-1.bpmodel"));
        int w1 = valuesOf(bytes, "W1");
        ByteBuffer.wrap(bytes).putFloat(w1 + 4 * (3 * 5 + 2), Float.NaN); // W1 is 6x5: [3,2] is value 17
        assertEquals("m.bpmodel: tensor W1 holds NaN at [3,2]", loadFailure(bytes));

        bytes = Files.readAllBytes(fixture("format-1.bpmodel"));
        ByteBuffer.wrap(bytes).putFloat(valuesOf(bytes, "b2") + 4, Float.NEGATIVE_INFINITY);
        assertEquals("m.bpmodel: tensor b2 holds -Infinity at [0,1]", loadFailure(bytes));
    }

    @Test
    void aFormatOneFileWhoseLayersGrewIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("format-1.bpmodel"));
        int layers = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("6,5,3");
        System.arraycopy("9,9,9".getBytes(StandardCharsets.US_ASCII), 0, bytes, layers, 5);
        // No checksum in format 1: the file's size is what says that 9,9,9 (180 weights and biases) cannot be in its
        // 640 bytes, before the network is built; a damaged 784,100000,10 would otherwise build 80 million weights
        // before the first is found missing. (Without the check: "parameter W1 [6x5] does not fit its network".)
        assertEquals("m.bpmodel: truncated: the file ends before the model does", loadFailure(bytes));
    }

    @Test
    void savedFilesAreFormatTwo() throws Exception {
        Path file = dir.resolve("m.bpmodel");
        ModelFile.save(ModelFileTest.model(), file);
        assertEquals(ModelFile.VERSION, ByteBuffer.wrap(Files.readAllBytes(file)).getInt(12));
        assertEquals(2, ModelFile.VERSION);
    }

    @Test
    void aFlippedByteIsNamedByTheChecksumOfItsPart() throws Exception {
        Path file = dir.resolve("m.bpmodel");
        ModelFile.save(ModelFileTest.model(), file);
        byte[] good = Files.readAllBytes(file);

        byte[] weight = good.clone();
        weight[valuesOf(weight, "W2") + 9] ^= 0x01; // the lowest bit of a mantissa: a plausible weight still
        assertEquals("m.bpmodel: damaged: tensor W2 does not match its checksum (the file was changed after it was "
                + "saved)", loadFailure(weight));

        byte[] setting = good.clone();
        int lr = new String(setting, StandardCharsets.ISO_8859_1).indexOf("0.001");
        setting[lr + 4] = '3'; // lr 0.003: valid, and wrong
        assertEquals("m.bpmodel: damaged: the settings do not match their checksum (the file was changed after it "
                + "was saved)", loadFailure(setting));

        byte[] statistics = good.clone();
        statistics[statistics.length - 12] ^= 0x10; // inside the last running variance
        assertEquals("m.bpmodel: damaged: the BatchNorm statistics do not match their checksum (the file was changed "
                + "after it was saved)", loadFailure(statistics));
    }

    @Test
    void noSingleFlippedByteLoadsSilently() throws Exception {
        Path file = dir.resolve("m.bpmodel");
        ModelFile.save(ModelFileTest.model(), file);
        byte[] good = Files.readAllBytes(file);
        List<String> loaded = new ArrayList<>();
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0x5A;
            try {
                // from memory: writing the file 700 times would take seconds
                ModelFile.load(file, new ByteArrayInputStream(bad), bad.length);
                loaded.add("byte " + i);
            } catch (ModelFile.ModelFileException e) {
                assertTrue(e.getMessage().startsWith("m.bpmodel: "), e.getMessage());
            }
        }
        assertEquals(List.of(), loaded, "damaged files that loaded");
    }

    @Test
    void aModelWithANanWeightOrStatisticIsNotSavedAndTheEarlierFileStays() throws Exception {
        Path file = dir.resolve("m.bpmodel");
        ModelFile.save(ModelFileTest.model(), file);
        byte[] before = Files.readAllBytes(file);

        Model diverged = ModelFileTest.model();
        diverged.network().parameters().get(0).set(1, 2, Double.NaN);
        ModelFile.NotFiniteException e = assertThrows(ModelFile.NotFiniteException.class,
                () -> ModelFile.save(diverged, file));
        assertEquals("tensor W1 holds NaN at [1,2]: a model whose numbers are not all finite is not saved (its training "
                + "diverged; a smaller learning rate may help)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        Model statistics = ModelFileTest.model();
        ((BatchNormLayer) statistics.network().modules().get(1)).statistics()
                .setRunning(new double[] {1, 2, 3, 4, 5}, new double[] {0.5, 0.25, Double.POSITIVE_INFINITY, 3, 4});
        e = assertThrows(ModelFile.NotFiniteException.class, () -> ModelFile.save(statistics, file));
        assertTrue(e.getMessage().startsWith("BatchNorm 1's running variance holds Infinity at [2]: "), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aFolderIsNamedAsOne() {
        assertEquals(dir.getFileName() + ": is a folder, not a model file",
                assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(dir)).getMessage());
    }
}
