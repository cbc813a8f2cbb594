package org.backproplab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void headerThenRowsEndingInCrlf() {
        CsvTable t = CsvTable.of("iteration", "loss").add(1, 0.5).add(2, 0.25);
        assertEquals("iteration,loss\r\n1,0.5\r\n2,0.25\r\n", t.toCsv());
        assertEquals(2, t.rowCount());
        assertEquals(List.of("2", "0.25"), t.row(1));
    }

    @Test
    void numbersKeepEveryDigitAndAPointInAGermanLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            CsvTable t = CsvTable.of("a", "b", "c", "d", "e").add(0.1 + 0.2, 1.5e-7, 2.5f, Double.NaN, 1234567L);
            String row = t.toCsv().split("\r\n")[1];
            assertEquals("0.30000000000000004,1.5E-7,2.5,NaN,1234567", row);
            assertEquals(0.1 + 0.2, Double.parseDouble(row.split(",")[0])); // reads back as the same double
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        CsvTable t = CsvTable.of("name", "note").add("tanh, Xavier", "say \"hi\"").add("a\nb", null).add(" pad", "ok");
        String[] lines = t.toCsv().split("\r\n");
        assertEquals("\"tanh, Xavier\",\"say \"\"hi\"\"\"", lines[1]);
        assertEquals("\"a\nb\",", lines[2]);
        assertEquals("\" pad\",ok", lines[3]);
    }

    @Test
    void aRowMustFillTheColumns() {
        CsvTable t = CsvTable.of("a", "b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add(1));
        assertEquals("a row of 1 cells in a table of 2 columns [a, b]", e.getMessage());
    }

    @Test
    void writesUtf8ThroughAnAtomicFile() throws IOException {
        Path file = dir.resolve("out/metrics.csv");
        CsvTable.of("层", "loss").add("A", 1.0).write(file);
        assertEquals("层,loss\r\nA,1.0\r\n", Files.readString(file, StandardCharsets.UTF_8));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @org.junit.jupiter.api.Test
    void aLazyTableMakesItsRowsOnlyWhenRead() {
        int[] made = {0};
        CsvTable t = CsvTable.lazy(java.util.List.of("i", "x"), 3, i -> {
            made[0]++;
            return new Object[] {i + 1, i == 2 ? null : 0.5 * i};
        });
        org.junit.jupiter.api.Assertions.assertEquals(3, t.rowCount());
        org.junit.jupiter.api.Assertions.assertFalse(t.isEmpty());
        org.junit.jupiter.api.Assertions.assertEquals(0, made[0], "counting rows makes none");
        org.junit.jupiter.api.Assertions.assertEquals("i,x\r\n1,0.0\r\n2,0.5\r\n3,\r\n", t.toCsv());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> t.add(4, 1.0));
        org.junit.jupiter.api.Assertions.assertTrue(CsvTable.lazy(java.util.List.of("i"), 0, i -> null).isEmpty());
    }
}
