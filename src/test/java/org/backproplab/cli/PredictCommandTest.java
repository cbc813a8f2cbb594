package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Mnist;
import org.backproplab.data.PngBytes;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.Model;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict on files that are not what they should be — a damaged model, a broken or huge PNG, a folder, a damaged
 * training set it does not need — each one line and exit 1; and under a small heap in a JVM of its own.
 */
class PredictCommandTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void saveAnUntrainedModel() throws IOException {
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 16, 10});
        model = dir.resolve("m.bpmodel");
        ModelFile.save(new Model(config, config.buildNetwork()), model);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(PredictCommandTest.class.getResource("/data/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void failure(String line, CliRun run) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(line, run.err().strip());
    }

    @Test
    void imageReadsTheTestSetOnlySoADamagedTrainingFileDoesNotMatter() throws IOException {
        Path data = Files.createDirectory(dir.resolve("mnist"));
        for (String name : List.of(Mnist.TEST_IMAGES, Mnist.TEST_LABELS)) {
            Files.copy(Mnist.defaultDirectory().resolve(name + ".gz"), data.resolve(name + ".gz"));
        }
        Files.writeString(data.resolve(Mnist.TRAIN_IMAGES + ".gz"), "not gzip, not IDX");
        Files.copy(Mnist.defaultDirectory().resolve(Mnist.TRAIN_LABELS + ".gz"), data.resolve(Mnist.TRAIN_LABELS + ".gz"));

        CliRun train = CliRun.of("train", "--data", data.toString(), "--layers", "784,16,10", "--epochs", "1");
        assertEquals(1, train.exitCode(), "the training images file is damaged indeed: " + train.err());
        assertTrue(train.err().contains("train-images-idx3-ubyte.gz: not an IDX file"), train.err());

        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--image", "0", "--data", data.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("(label 7)"), predict.out());
        assertTrue(CliRun.of("predict", "--help").out().replaceAll("\\s+", " ").contains("the training files are not read"));
    }

    @Test
    void aBrokenPngOrAFolderIsNamedInOneLine() {
        failure("predict: cut-digit.png: the PNG file is cut short: it ends inside its image data",
                CliRun.of("predict", "--model", model.toString(), "--png", fixture("cut-digit.png").toString()));
        failure("predict: " + dir.getFileName() + ": is a folder, not an image file",
                CliRun.of("predict", "--model", model.toString(), "--png", dir.toString()));
        failure("predict: huge-header.png: the image is 100000x100000 pixels; a digit's picture may be at most "
                + "4096x4096 (it is scaled to 28x28 anyway)",
                CliRun.of("predict", "--model", model.toString(), "--png", fixture("huge-header.png").toString()));
    }

    @Test
    void aDamagedNonMnistOrOverflowingModelIsNamedInOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        int w1 = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("W1") + 2 + 8;
        ByteBuffer.wrap(bytes).putFloat(w1 + 4 * 100, Float.NaN);
        Path nan = Files.write(dir.resolve("nan.bpmodel"), bytes);
        failure("predict: nan.bpmodel: damaged: tensor W1 does not match its checksum (the file was changed after it "
                + "was saved)", CliRun.of("predict", "--model", nan.toString(), "--png", fixture("digit.png").toString()));

        TrainingConfig toy = TrainingConfig.defaults(new int[] {2, 4, 3});
        Path toyFile = dir.resolve("toy.bpmodel");
        ModelFile.save(new Model(toy, toy.buildNetwork()), toyFile);
        failure("predict: toy.bpmodel: the model takes 2 inputs; predict needs a model of MNIST's 784 pixels",
                CliRun.of("predict", "--model", toyFile.toString(), "--png", fixture("digit.png").toString()));

        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 16, 10});
        Model huge = new Model(config, config.buildNetwork());
        for (Tensor p : huge.network().parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.value().set(i, 1e30); // finite, so it is saved; the logits overflow to infinity
            }
        }
        Path overflow = dir.resolve("overflow.bpmodel");
        ModelFile.save(huge, overflow);
        failure("predict: overflow.bpmodel: the model's output for this image is not a number (its weights are too "
                + "large)", CliRun.of("predict", "--model", overflow.toString(), "--png", fixture("digit.png").toString()));
    }

    /** The app in a JVM of its own with a 32 MB heap: its exit code and what it wrote to stderr. */
    private CliRun smallHeap(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-Dbackproplab.relaunch=false", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.backproplab.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not hang");
        String stderr = Files.readString(err).lines().filter(l -> !l.startsWith("WARNING: Using incubator"))
                .reduce("", (a, b) -> a + b + "\n");
        return new CliRun(p.exitValue(), Files.readString(out), stderr);
    }

    @Test
    void underA32MegabyteHeapAHugeHeaderIsRefusedAndALargePictureRead() throws Exception {
        failure("predict: huge-header.png: the image is 100000x100000 pixels; a digit's picture may be at most "
                + "4096x4096 (it is scaled to 28x28 anyway)",
                smallHeap("predict", "--model", model.toString(), "--png", fixture("huge-header.png").toString()));

        // 4096x4096 RGBA is 64 MB decoded whole: read every 4th pixel, it is 4 MB
        Path large = Files.write(dir.resolve("large.png"), PngBytes.rgbaBar(4096, 4096, 1800, 2300));
        CliRun run = smallHeap("predict", "--model", model.toString(), "--png", large.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("predicted: "), run.out());
    }
}
