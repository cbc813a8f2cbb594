package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ToyDataTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ToyData.Kind.class)
    void shapeBalanceAndSeed(ToyData.Kind kind) {
        ToyData.Points p = ToyData.generate(kind, 500, 0.2, new Random(7));
        assertEquals(500, p.size());
        int ones = 0;
        for (int i = 0; i < p.size(); i++) {
            assertEquals(2, p.xy()[i].length);
            assertTrue(Math.abs(p.xy()[i][0]) < 9 && Math.abs(p.xy()[i][1]) < 9, "inside the view");
            assertTrue(p.labels()[i] == 0 || p.labels()[i] == 1);
            ones += (int) p.labels()[i];
        }
        assertEquals(250, ones, "half the points in each class");
        ToyData.Points again = ToyData.generate(kind, 500, 0.2, new Random(7));
        for (int i = 0; i < p.size(); i++) {
            assertArrayEquals(p.xy()[i], again.xy()[i]);
        }
        ToyData.Points other = ToyData.generate(kind, 500, 0.2, new Random(8));
        assertTrue(p.xy()[3][0] != other.xy()[3][0], "another seed, other points");
    }

    @Test
    void withoutNoiseTheShapesAreExact() {
        ToyData.Points xor = ToyData.generate(ToyData.Kind.XOR, 200, 0, new Random(1));
        ToyData.Points circle = ToyData.generate(ToyData.Kind.CIRCLE, 200, 0, new Random(1));
        for (int i = 0; i < 200; i++) {
            double[] p = xor.xy()[i];
            assertEquals(xor.labels()[i] == 1, p[0] * p[1] > 0);
            double r = Math.hypot(circle.xy()[i][0], circle.xy()[i][1]);
            assertTrue(circle.labels()[i] == 1 ? r <= 2.5 : r >= 3.5 && r <= 5);
        }
    }

    @Test
    void splitKeepsEveryPointOnce() {
        ToyData.Points all = ToyData.generate(ToyData.Kind.SPIRAL, 100, 0, new Random(2));
        ToyData.Points[] parts = ToyData.split(all, 0.7, new Random(3));
        assertEquals(70, parts[0].size());
        assertEquals(30, parts[1].size());
    }

    @Test
    void csvRoundTripAndTheShippedFiles() throws Exception {
        ToyData.Points p = ToyData.generate(ToyData.Kind.MOONS, 50, 0.1, new Random(4));
        Path file = dir.resolve("moons.csv");
        ToyCsv.write(p, file);
        ToyData.Points back = ToyCsv.read(file);
        assertEquals(50, back.size());
        assertEquals(p.xy()[7][1], back.xy()[7][1], 1e-6);
        assertArrayEquals(p.labels(), back.labels());
        for (ToyData.Kind kind : ToyData.Kind.values()) {
            Path shipped = Path.of("datasets", "toy", kind.id() + ".csv");
            ToyData.Points s = ToyCsv.read(shipped);
            assertEquals(ToyFiles.COUNT, s.size(), shipped.toString());
            ToyData.Points expected = ToyFiles.generate(kind);
            assertEquals(expected.xy()[10][0], s.xy()[10][0], 1e-6, "the file is what the generator makes");
        }
    }

    private static String failure(String text) throws Exception {
        Path file = Files.writeString(Files.createTempFile("bad", ".csv"), text);
        try {
            return assertThrows(DataFileException.class, () -> ToyCsv.read(file)).getMessage()
                    .replace(file.getFileName().toString(), "bad.csv");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void malformedCsvSaysWhichLineAndWhy() throws Exception {
        assertEquals("bad.csv: line 3: expected 3 values x1,x2,label but found 2 (\"0.5,1\")",
                failure("x1,x2,label\n1,2,0\n0.5,1\n"));
        assertEquals("bad.csv: line 2, column 2: 'abc' is not a number", failure("1,2,1\n3,abc,0\n"));
        assertEquals("bad.csv: line 1, column 3: NaN is not a finite number", failure("1,2,NaN\n3,4,0\n"));
        assertEquals("bad.csv: needs at least 2 points, found 1", failure("# one point\n1,2,1\n"));
    }
}
