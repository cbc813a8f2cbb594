package org.backproplab.course;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.backproplab.files.AtomicFile;

/**
 * A setup on its own, to share a tab's state as a file (File ▸ Save setup and Open setup): the first line
 * {@code backprop-lab-setup 1}, then the same {@code key: value} lines as a course's {@code -- setup} block.
 */
public final class SetupFile {

    public static final String MAGIC = "backprop-lab-setup";
    public static final int VERSION = 1;
    public static final String EXTENSION = "bpsetup";
    private static final long MAX_BYTES = 100_000;

    private SetupFile() {
    }

    /** The file's text for a setup. */
    public static String text(Setup setup) {
        StringBuilder s = new StringBuilder(MAGIC + " " + VERSION + "\n");
        s.append("# A Backprop Lab setup: File > Open setup puts the ").append(setup.tab())
                .append(" tab into this state. The same lines work as a \"-- setup\" block in a course.\n");
        for (String line : setup.lines()) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** Writes at once or not at all. */
    public static void write(Path file, Setup setup) throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text(setup));
            w.flush();
        });
    }

    public static Setup read(Path file) throws CourseException {
        return parse(CourseFile.readText(file, MAX_BYTES, "a setup"), String.valueOf(file.getFileName()));
    }

    public static Setup parse(String text, String name) throws CourseException {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        String first = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        if (!first.strip().equals(MAGIC + " " + VERSION)) {
            throw new CourseException(name, 1, 1, first.startsWith(MAGIC + " ")
                    ? "this is format " + first.substring(MAGIC.length()).strip() + "; this Backprop Lab reads format "
                    + VERSION : "a setup file starts with \"" + MAGIC + " " + VERSION + "\"");
        }
        Fields fields = new Fields(name, 1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                fields.add(line, i + 1);
            }
        }
        return Setup.parse(fields);
    }
}
