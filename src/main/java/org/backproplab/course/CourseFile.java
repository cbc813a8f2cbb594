package org.backproplab.course;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a course file: UTF-8 text, one item a line.
 * <pre>
 * backprop-lab-course 1                the format and its version
 * id: primer                           the course's head: id (for its progress) and title in each language
 * title: Backpropagation, step by step
 * title.zh_CN: 反向传播，一步一步
 *
 * == page                              a page; its title on the lines after
 * title: Gradient descent
 * title.zh_CN: 梯度下降
 * -- text                              Markdown until the next "-- " or "== " line; formulas in $…$ and $$…$$
 * -- text.zh_CN                        the same text in another language
 * -- setup                             key: value lines (see {@link Setup}), label and label.zh_CN the button's
 * -- exercise number|choice|layer      key: value lines (see {@link Exercise})
 * </pre>
 * Outside text, blank lines and lines starting with {@code #} are skipped. Every mistake is a {@link CourseException}
 * with its line and column.
 */
public final class CourseFile {

    public static final String MAGIC = "backprop-lab-course";
    public static final int VERSION = 1;
    public static final String EXTENSION = "course";
    /** Far more than a course of a hundred pages needs; a larger file is not a course. */
    public static final long MAX_BYTES = 2_000_000;
    static final String PAGE = "== ";
    static final String BLOCK = "-- ";

    private CourseFile() {
    }

    /** Reads and checks a course file. */
    public static Course read(Path file) throws CourseException {
        return parse(readText(file, MAX_BYTES, "a course file"), String.valueOf(file.getFileName()));
    }

    /** A file's UTF-8 text, refused with the reason when it is missing, larger than {@code maxBytes} or not text. */
    static String readText(Path file, long maxBytes, String what) throws CourseException {
        String name = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new CourseException(name, 0, 1, "it is " + size + " bytes; " + what + " is at most " + maxBytes);
            }
            return decode(Files.readAllBytes(file), name);
        } catch (NoSuchFileException e) {
            throw new CourseException(name, 0, 1, "there is no such file");
        } catch (IOException e) {
            throw new CourseException(name, 0, 1, "it cannot be read: " + e.getMessage());
        }
    }

    /** Reads a course from the class path (the shipped course). */
    public static Course read(InputStream in, String name) throws CourseException, IOException {
        return parse(decode(in.readAllBytes(), name), name);
    }

    static String decode(byte[] bytes, String name) throws CourseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CourseException(name, 0, 1, "it is not UTF-8 text");
        }
    }

    /** Parses course text; {@code name} is the file's name for messages. */
    public static Course parse(String text, String name) throws CourseException {
        return new Parser(name, text.replace("\r\n", "\n").split("\n", -1)).course();
    }

    /** The line-by-line reading, keeping its place. */
    private static final class Parser {
        private final String file;
        private final String[] lines;
        private int at; // index of the next line to read

        Parser(String file, String[] lines) {
            this.file = file;
            this.lines = lines;
        }

        Course course() throws CourseException {
            String first = lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[0];
            if (!first.startsWith(MAGIC + " ")) {
                throw new CourseException(file, 1, 1, "a course file starts with \"" + MAGIC + " " + VERSION
                        + "\", not \"" + abbreviate(first) + "\"");
            }
            String version = first.substring(MAGIC.length() + 1).strip();
            if (!version.equals(String.valueOf(VERSION))) {
                throw new CourseException(file, 1, MAGIC.length() + 2, "this is format " + version
                        + "; this Backprop Lab reads format " + VERSION);
            }
            at = 1;
            Fields head = fields(1);
            head.onlyKnown(List.of("id", "title"), "the course's head");
            String id = head.parse(head.required("id", "course"), v -> {
                if (!v.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                    throw new IllegalArgumentException("an id is small letters, digits and hyphens, not \"" + v + "\"");
                }
                return v;
            });
            Localized title = head.localized("title");
            if (title.isEmpty()) {
                throw new CourseException(file, 1, 1, "the course needs \"title: …\" before its first page");
            }
            List<Course.Page> pages = new ArrayList<>();
            while (at < lines.length) {
                pages.add(page(pages.size() + 1));
            }
            if (pages.isEmpty()) {
                throw new CourseException(file, lines.length, 1, "the course has no page: start one with \"== page\"");
            }
            return new Course(file, id, title, pages);
        }

        /** {@code key: value} lines up to the next page or block (blank and # lines skipped). */
        private Fields fields(int headerLine) throws CourseException {
            Fields fields = new Fields(file, headerLine);
            while (at < lines.length && !lines[at].startsWith(PAGE) && !lines[at].startsWith(BLOCK)) {
                String line = lines[at++];
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    fields.add(line, at);
                }
            }
            return fields;
        }

        private Course.Page page(int number) throws CourseException {
            String header = lines[at];
            int line = at + 1;
            if (!header.strip().equals("== page")) {
                throw new CourseException(file, line, 1, header.startsWith(PAGE)
                        ? "a page starts with \"== page\", not \"" + abbreviate(header) + "\""
                        : "expected \"== page\" here");
            }
            at++;
            Fields head = fields(line);
            head.onlyKnown(List.of("title"), "a page");
            Localized title = head.localized("title");
            if (title.isEmpty()) {
                throw new CourseException(file, line, 1, "this page needs \"title: …\" on the line after \"== page\"");
            }
            List<Course.Block> blocks = new ArrayList<>();
            int exercises = 0;
            while (at < lines.length && !lines[at].startsWith(PAGE)) {
                String block = lines[at];
                int blockLine = at + 1;
                String kind = block.substring(BLOCK.length()).strip();
                at++;
                if (kind.equals("text") || kind.startsWith("text.")) {
                    String language = kind.equals("text") ? "" : kind.substring("text.".length());
                    if (!language.isEmpty() && !language.matches("[a-z]{2}(_[A-Z]{2})?")) {
                        throw new CourseException(file, blockLine, BLOCK.length() + 6, "\"" + language
                                + "\" is not a language; write it as zh_CN or en");
                    }
                    text(blocks, language);
                } else if (kind.equals("setup")) {
                    Fields f = fields(blockLine);
                    blocks.add(new Course.Block.SetupButton(f.localized("label"), Setup.parse(f)));
                } else if (kind.startsWith("exercise")) {
                    String which = kind.substring("exercise".length()).strip();
                    if (!Exercise.KINDS.contains(which)) {
                        throw new CourseException(file, blockLine, BLOCK.length() + 10, "an exercise is "
                                + String.join(", ", Exercise.KINDS) + " (as in \"-- exercise number\"), not \""
                                + which + "\"");
                    }
                    Fields f = fields(blockLine);
                    Exercise e = Exercise.parse(which, f);
                    if (e.question().isEmpty()) {
                        throw new CourseException(file, blockLine, 1, "this exercise needs \"question: …\"");
                    }
                    blocks.add(new Course.Block.Question(e, number + "." + ++exercises));
                } else {
                    throw new CourseException(file, blockLine, BLOCK.length() + 1, "a block is \"-- text\", "
                            + "\"-- setup\" or \"-- exercise KIND\", not \"" + abbreviate(block) + "\"");
                }
            }
            return new Course.Page(title, blocks, line);
        }

        /** A text block; one in another language right after a text block is that block's translation. */
        private void text(List<Course.Block> blocks, String language) {
            StringBuilder text = new StringBuilder();
            while (at < lines.length && !lines[at].startsWith(PAGE) && !lines[at].startsWith(BLOCK)) {
                text.append(lines[at++]).append('\n');
            }
            String markdown = text.toString().strip();
            if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Course.Block.Text previous
                    && !previous.markdown().byLanguage().containsKey(language)) {
                blocks.set(blocks.size() - 1, new Course.Block.Text(previous.markdown().with(language, markdown)));
            } else {
                blocks.add(new Course.Block.Text(Localized.EMPTY.with(language, markdown)));
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
