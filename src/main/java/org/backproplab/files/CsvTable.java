package org.backproplab.files;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A table of metrics written as CSV, the way a spreadsheet or pandas reads it back unchanged: a header line of
 * column names, then one line per row; a cell with a comma, a quote or a line break is quoted, its quotes doubled
 * (RFC 4180); lines end in CRLF, as RFC 4180 says. Numbers are written in full precision with a '.' whatever
 * the default locale: a double as {@link Double#toString} writes it (the shortest text that reads back as the same
 * double, {@code 0.1}, {@code 1.0E-5}, {@code NaN}, {@code Infinity}), a float as {@link Float#toString}, whole
 * numbers as they are. A null cell is empty.
 */
public final class CsvTable {

    /** RFC 4180's line ending. */
    public static final String EOL = "\r\n";

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    /** Rows made only when read or written (a long series: opening a menu must not format a million numbers). */
    private final IntFunction<Object[]> source;
    private final int sourceRows;

    public CsvTable(List<String> columns) {
        this(columns, 0, null);
    }

    private CsvTable(List<String> columns, int sourceRows, IntFunction<Object[]> source) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
        this.sourceRows = sourceRows;
        this.source = source;
    }

    /**
     * A table of {@code rowCount} rows that {@code row} gives (cells as for {@link #add}) when the table is read or
     * written, not before: {@link #isEmpty()} and {@link #rowCount()} cost nothing.
     */
    public static CsvTable lazy(List<String> columns, int rowCount, IntFunction<Object[]> row) {
        return new CsvTable(columns, rowCount, row);
    }

    public static CsvTable of(String... columns) {
        return new CsvTable(Arrays.asList(columns));
    }

    /** Adds a row of as many cells as there are columns: numbers, text or null. */
    public CsvTable add(Object... cells) {
        if (source != null) {
            throw new IllegalStateException("a lazy table gets its rows from its source");
        }
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns.size()
                    + " columns " + columns);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(cell(c));
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return source != null ? sourceRows : rows.size();
    }

    public boolean isEmpty() {
        return rowCount() == 0;
    }

    /** Row {@code i} (from 0) as the texts written for it, unquoted. */
    public List<String> row(int i) {
        if (source == null) {
            return rows.get(i);
        }
        Objects.checkIndex(i, sourceRows);
        Object[] cells = source.apply(i);
        if (cells.length != columns.size()) {
            throw new IllegalStateException("row " + i + " has " + cells.length + " cells, the table " + columns.size());
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(cell(c));
        }
        return row;
    }

    /** The whole table as CSV text, header first, every line ended by {@link #EOL}. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (int i = 0; i < rowCount(); i++) {
            line(out, row(i));
        }
        return out.toString();
    }

    /** Writes the table as UTF-8 CSV, atomically: the file is whole or as it was. */
    public void write(Path file) throws IOException {
        AtomicFile.writeString(file, toCsv());
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append(EOL);
    }

    /** A cell's text: numbers in full precision and locale-free, null as nothing. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Float f) {
            return Float.toString(f);
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        // Integer, Long, Boolean and text: their toString never depends on the locale
        return value.toString();
    }

    /** The cell as written: quoted when it holds a comma, a quote, a line break or edge spaces. */
    static String quote(String cell) {
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                && cell.strip().length() == cell.length();
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
