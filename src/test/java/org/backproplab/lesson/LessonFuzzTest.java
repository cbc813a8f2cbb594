package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random and mutated lesson text: whatever goes in, a lesson either compiles and trains, or fails with lesson
 * errors whose positions lie inside the text. No other exception, and no stack overflow, gets out.
 */
class LessonFuzzTest {

    /** Pieces of lesson text, valid and not, that random lessons are glued from and mutations insert. */
    static final List<String> PIECES = List.of("x", "y", "w", "L", "h1", "param ", "const ", "loss ", " = ", "=", "+",
            "-", "*", "/", "@", "^", "**", "(", ")", "[", "]", ",", " ", " ", "\n", "\n", "# note\n", "\t", "\r\n",
            "1", "2.5", "-3", "1e3", "0", ".5", "1e308", "1.2.3", "2e", "3x", "relu(", "sigmoid(", "tanh(",
            "leaky_relu(", "mse(", "cross_entropy(", "batchnorm(", "softmax(", "transpose(", "sum(", "mean(", "log(",
            "sqrt(", "exp(", "abs(", "[[1, 2], [3, 4]]", "[1, 2]", "[[1], [2]]", "[0.5, -1, 2]", "权", "，", "$", "\u0000");

    static final List<String> SHIPPED = shippedLessons();

    static List<String> shippedLessons() {
        try (Stream<Path> files = Files.list(Path.of("resources", "lessons"))) {
            List<String> texts = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit of a text: what to do, where (scaled to the text's length) and what to put there. */
    record Mutation(int kind, int where, String piece) {
        String apply(String text) {
            int at = text.isEmpty() ? 0 : where % (text.length() + 1);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            int line = where % lines.size();
            switch (kind) {
                case 0 -> {
                    return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + where % 7));
                }
                case 1 -> {
                    return text.substring(0, at) + piece + text.substring(at);
                }
                case 2 -> {
                    return text.substring(0, at) + piece + text.substring(Math.min(text.length(), at + piece.length()));
                }
                case 3 -> lines.remove(line);
                case 4 -> lines.add(line, lines.get(line));
                default -> {
                    if (lines.size() > 1) {
                        int other = (line + 1) % lines.size();
                        String t = lines.get(line);
                        lines.set(line, lines.get(other));
                        lines.set(other, t);
                    }
                }
            }
            return String.join("\n", lines);
        }
    }

    @Provide
    Arbitrary<String> gluedPieces() {
        return Arbitraries.of(PIECES).list().ofMaxSize(80).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutatedLessons() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 1 << 20), Arbitraries.of(PIECES)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(SHIPPED), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as((text, edits) -> {
                    String t = text;
                    for (Mutation m : edits) {
                        t = m.apply(t);
                    }
                    return t;
                });
    }

    @Property(tries = 1000)
    void gluedPiecesCompileOrFailAsALesson(@ForAll("gluedPieces") String text) {
        compileAndRun(text);
    }

    @Property(tries = 1000)
    void mutatedShippedLessonsCompileOrFailAsALesson(@ForAll("mutatedLessons") String text) {
        Statistics.collect(compileAndRun(text) ? "compiled" : "lesson error");
        // Both outcomes must be common, or the mutations would test only one side.
        Statistics.coverage(c -> {
            c.check("compiled").percentage(p -> p > 10);
            c.check("lesson error").percentage(p -> p > 10);
        });
    }

    @Property(tries = 300)
    void anyStringCompilesOrFailsAsALesson(@ForAll String text) {
        compileAndRun(text);
    }

    @Property(tries = 20)
    void deepNestingFailsAsALesson(@ForAll("deepNesting") String text) {
        compileAndRun(text);
    }

    @Provide
    Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.of("(", "-", "sigmoid(", "2^", "[", "[["),
                Arbitraries.integers().between(90, 5000)).as((open, n) -> "x = " + open.repeat(n) + "1");
    }

    /** Compiles and trains two steps, true if it compiled; a lesson error must point inside the text. */
    static boolean compileAndRun(String text) {
        try {
            Lesson lesson = Lesson.compile(text, "f.bp");
            LessonTraining.run(lesson, new LessonTraining.Settings(2, "adam", 0.1, OptionalDouble.of(1)));
            assertTrue(lesson.graph().nodes().contains(lesson.output()));
            return true;
        } catch (LessonException e) {
            List<String> lines = lines(text);
            assertFalse(e.diagnostics().isEmpty());
            for (Diagnostic d : e.diagnostics()) {
                assertEquals("f.bp", d.file());
                assertTrue(d.line() >= 1 && d.line() <= lines.size(), () -> "line out of range: " + d);
                int length = (int) lines.get(d.line() - 1).codePoints().count();
                assertTrue(d.column() >= 1 && d.column() <= length + 1, () -> "column out of range: " + d);
                assertFalse(d.message().isBlank());
                assertFalse(d.message().contains("\n"), () -> "a message of more than one line: " + d);
            }
            return false;
        }
    }

    /** The lines as the lexer counts them: ended by \n, \r\n or \r; a leading byte-order mark is not a column. */
    static List<String> lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return Arrays.asList(t.split("\r\n|\r|\n", -1));
    }
}
