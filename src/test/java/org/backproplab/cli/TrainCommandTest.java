package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.backproplab.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, predict and bench on the real MNIST files, with small networks so that each runs in seconds. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesJsonSavesAModelThatPredictLoads() throws Exception {
        Path model = dir.resolve("small.bpmodel");
        CliRun run = CliRun.of("train", "--dataset", "mnist", "--layers", "784,32,10", "--epochs", "2",
                "--train-limit", "10000", "--lr", "0.003", "--save", model.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        String json = lines.get(lines.size() - 1);
        assertTrue(json.matches("\\{\"test_accuracy\": [0-9.]+, \"test_loss\": [0-9.]+, \"epoch_seconds\": \\[[0-9.]+, "
                + "[0-9.]+], \"train_loss\": \\[[0-9.]+, [0-9.]+], \"parameters\": 25450}"), json);
        Matcher acc = Pattern.compile("\"test_accuracy\": ([0-9.]+)").matcher(json);
        assertTrue(acc.find());
        assertTrue(Double.parseDouble(acc.group(1)) > 0.9, json);
        assertTrue(run.err().contains("epoch 2: train loss"), run.err());
        assertTrue(run.err().contains("samples/s"), "the progress bar shows samples/s");
        assertTrue(Files.size(model) > 25450 * 4);

        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--image", "0");
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("predicted: 7 (label 7)"), predict.out());
        double total = predict.out().lines().filter(l -> l.matches("\\d  [0-9.]+.*"))
                .mapToDouble(l -> Double.parseDouble(l.split("\\s+")[1])).sum();
        assertEquals(1, total, 0.01);

        // The same test digit as a PNG, black ink on white as people draw: inverted back and recognised.
        Mnist.Split test = Mnist.load(Mnist.defaultDirectory()).test();
        BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                int v = 255 - Math.round(test.pixel(0, (y / 2) * 28 + x / 2) * 255);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path png = dir.resolve("seven.png");
        ImageIO.write(img, "png", png.toFile());
        CliRun fromPng = CliRun.of("predict", "--model", model.toString(), "--png", png.toString());
        assertEquals(0, fromPng.exitCode(), fromPng.err());
        assertTrue(fromPng.out().contains("predicted: 7"), fromPng.out());
    }

    @Test
    void badInputsAreOneLineErrors() throws Exception {
        CliRun layers = CliRun.of("train", "--layers", "784,x,10");
        assertEquals(2, layers.exitCode());
        assertEquals("train: layer sizes are whole numbers separated by commas, like 784,128,10; got '784,x,10'",
                layers.err().strip());

        CliRun data = CliRun.of("train", "--data", dir.toString());
        assertEquals(1, data.exitCode(), "a bad data file is a failure while running, not a usage error");
        assertTrue(data.err().startsWith("train: train-images-idx3-ubyte.gz: no such file (looked for "), data.err());

        Path junk = Files.writeString(dir.resolve("junk.bpmodel"), "junk");
        CliRun model = CliRun.of("predict", "--model", junk.toString(), "--image", "3");
        assertEquals(1, model.exitCode());
        assertEquals("predict: junk.bpmodel: not a Backprop Lab model file (it does not start with \"BPLAB-MODEL\")",
                model.err().strip());

        CliRun dataset = CliRun.of("train", "--dataset", "cifar");
        assertEquals(2, dataset.exitCode());
        assertTrue(dataset.err().contains("unknown dataset 'cifar'"), dataset.err());
    }

    @Test
    void benchPrintsKernelsAndAResultLine() {
        CliRun run = CliRun.of("bench", "--kernel-seconds", "0.25", "--layers", "784,16,10", "--epochs", "1", "--train-limit", "6000");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kernel plain Java"), run.out());
        assertTrue(run.out().contains("kernel Vector API"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("RESULT engine=backprop-lab layers=784,16,10 batch=128 "
                + "epochs=1 seed=0 median_epoch_s=[0-9.]+ samples_per_s=\\d+ matmul_gflops=[0-9.]+ final_test_acc=0\\.\\d+")),
                run.out());
    }
}
