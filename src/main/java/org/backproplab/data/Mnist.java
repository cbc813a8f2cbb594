package org.backproplab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.concurrent.Parallel;

/**
 * The MNIST digits: 60,000 training and 10,000 test images of 28×28 grey pixels with labels 0–9, read from
 * the four original IDX files (gzip or raw) in one directory. Pixels stay bytes (47 MB rather than 188 MB
 * of floats) and are scaled to [0, 1] as batches are gathered into the caller's buffers.
 */
public record Mnist(Split train, Split test) {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The side of an MNIST image in pixels: every image is SIDE×SIDE, and the networks take SIDE² inputs. */
    public static final int SIDE = 28;

    /** One half of the data: images (row-major pixels, one row of rows×cols bytes each) and their labels. */
    public record Split(String name, int count, int rows, int cols, byte[] pixels, byte[] labels) {

        public int pixelsPerImage() {
            return rows * cols;
        }

        public int label(int i) {
            return labels[i];
        }

        /** Pixel p of image i, scaled to [0, 1]. */
        public float pixel(int i, int p) {
            return Pixels.unit(pixels[i * rows * cols + p]);
        }

        /**
         * Writes examples order[from..from+n) (or from..from+n when order is null) into x (n rows of pixels
         * scaled to [0, 1]) and y (n one-hot rows of 10).
         */
        public void gather(int[] order, int from, int n, float[] x, float[] y) {
            java.util.Arrays.fill(y, 0, n * 10, 0f);
            if (n < 64) {
                copy(order, from, 0, n, x, y);
                return;
            }
            // A batch of 128 images is 100,000 pixels read from random rows of 47 MB: worth both cores.
            int parts = 4;
            int chunk = (n + parts - 1) / parts;
            Parallel.run(parts,
                    part -> copy(order, from, part * chunk, Math.min(n, (part + 1) * chunk), x, y));
        }

        private void copy(int[] order, int from, int k0, int k1, float[] x, float[] y) {
            int p = pixelsPerImage();
            for (int k = k0; k < k1; k++) {
                int i = order == null ? from + k : order[from + k];
                Pixels.toUnit(pixels, i * p, x, k * p, p);
                y[k * 10 + labels[i]] = 1f;
            }
        }

        /** How many images carry each digit 0–9. */
        public int[] labelCounts() {
            int[] counts = new int[10];
            for (byte b : labels) {
                counts[b]++;
            }
            return counts;
        }
    }

    /** Where the app and the CLI look when no directory is given: ./datasets/mnist, else beside the jar. */
    public static Path defaultDirectory() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("datasets", "mnist"));
        try {
            Path code = Path.of(Mnist.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            for (Path d = dir; d != null; d = d.getParent()) {
                candidates.add(d.resolve("datasets").resolve("mnist"));
            }
        } catch (Exception ignored) {
            // no code source (an unusual class loader): the working directory is all we have
        }
        return candidates.stream().filter(p -> Files.exists(p.resolve(TRAIN_IMAGES + ".gz"))
                || Files.exists(p.resolve(TRAIN_IMAGES))).findFirst().orElse(candidates.get(0));
    }

    public static Mnist load(Path directory) throws DataFileException {
        return new Mnist(loadSplit(directory, "training", TRAIN_IMAGES, TRAIN_LABELS),
                loadSplit(directory, "test", TEST_IMAGES, TEST_LABELS));
    }

    /** Reads one images file and one labels file, 28×28 images, and checks that they belong together. */
    public static Split loadSplit(Path directory, String name, String images, String labels) throws DataFileException {
        return loadSplit(name, find(directory, images), find(directory, labels));
    }

    public static Split loadSplit(String name, Path imagesFile, Path labelsFile) throws DataFileException {
        IdxReader.IdxData img = IdxReader.read(imagesFile, 3, "images (count, rows, columns)");
        int rows = img.dims()[1];
        int cols = img.dims()[2];
        if (rows != SIDE || cols != SIDE) {
            // 14x56 or 1x784 holds as many pixels, so nothing else would notice: the digits would be scrambled
            throw new DataFileException(imagesFile, "images are " + rows + "x" + cols + ", MNIST needs " + SIDE + "x"
                    + SIDE);
        }
        IdxReader.IdxData lab = IdxReader.read(labelsFile, 1, "labels (count)");
        if (img.count() != lab.count()) {
            throw new DataFileException(labelsFile, lab.count() + " labels, but " + imagesFile.getFileName() + " holds "
                    + img.count() + " images; the two files do not belong together");
        }
        byte[] labelBytes = lab.data();
        for (int i = 0; i < labelBytes.length; i++) {
            if ((labelBytes[i] & 0xff) > 9) {
                throw new DataFileException(labelsFile, "label " + (labelBytes[i] & 0xff) + " at position " + i
                        + " is not a digit 0-9");
            }
        }
        return new Split(name, img.count(), rows, cols, img.data(), labelBytes);
    }

    /** The file itself, or its .gz twin; the plain name when neither exists (the reader then says so). */
    private static Path find(Path directory, String base) {
        Path gz = directory.resolve(base + ".gz");
        Path raw = directory.resolve(base);
        return Files.exists(gz) || !Files.exists(raw) ? gz : raw;
    }
}
