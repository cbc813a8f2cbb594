package org.backproplab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV files of 2-D points, {@code x1,x2,label} one point a line, with an optional header line and '#'
 * comments. A malformed file is rejected with the line number and what is wrong there.
 */
public final class ToyCsv {

    private ToyCsv() {
    }

    public static ToyData.Points read(Path file) throws DataFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataFileException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        List<double[]> xy = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#") || (xy.isEmpty() && labels.isEmpty() && isHeader(line))) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 3) {
                throw new DataFileException(file, "line " + (i + 1) + ": expected 3 values x1,x2,label but found "
                        + parts.length + " (\"" + shorten(line) + "\")");
            }
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                String p = parts[k].strip();
                try {
                    v[k] = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new DataFileException(file, "line " + (i + 1) + ", column " + (k + 1) + ": '" + shorten(p)
                            + "' is not a number");
                }
                if (!Double.isFinite(v[k])) {
                    throw new DataFileException(file, "line " + (i + 1) + ", column " + (k + 1) + ": " + p
                            + " is not a finite number");
                }
            }
            xy.add(new double[] {v[0], v[1]});
            labels.add(v[2]);
        }
        if (xy.size() < 2) {
            throw new DataFileException(file, "needs at least 2 points, found " + xy.size());
        }
        double[] l = new double[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        return new ToyData.Points(xy.toArray(new double[0][]), l);
    }

    private static boolean isHeader(String line) {
        return Character.isLetter(line.charAt(0));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** Writes points as x1,x2,label with a header line. */
    public static void write(ToyData.Points points, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < points.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", points.xy()[i][0], points.xy()[i][1],
                    format(points.labels()[i])));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String format(double label) {
        return label == Math.rint(label) ? Long.toString((long) label) : Double.toString(label);
    }
}
