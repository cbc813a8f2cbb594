package org.backproplab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The five shapes as CSV files in {@code datasets/toy/}: 500 points each, noise 0.1, seed 42, so that they can
 * be opened in a spreadsheet or loaded back like any other CSV. {@link #writeAll} makes them anew.
 */
public final class ToyFiles {

    public static final int COUNT = 500;
    public static final double NOISE = 0.1;
    public static final long SEED = 42;

    private ToyFiles() {
    }

    public static ToyData.Points generate(ToyData.Kind kind) {
        return ToyData.generate(kind, COUNT, NOISE, new Random(SEED));
    }

    public static void writeAll(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (ToyData.Kind kind : ToyData.Kind.values()) {
            ToyCsv.write(generate(kind), directory.resolve(kind.id() + ".csv"));
        }
    }
}
