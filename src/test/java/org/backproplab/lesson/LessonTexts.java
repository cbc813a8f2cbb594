package org.backproplab.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of lesson text for property tests: glued random pieces, and shipped lessons after random edits. */
public final class LessonTexts {

    private LessonTexts() {
    }

    /** Pieces of lesson text, valid and not, that random lessons are glued from and mutations insert. */
    static final List<String> PIECES = List.of("x", "y", "w", "L", "h1", "param ", "const ", "loss ", " = ", "=", "+",
            "-", "*", "/", "@", "^", "**", "(", ")", "[", "]", ",", " ", " ", "\n", "\n", "# note\n", "\t", "\r\n",
            "1", "2.5", "-3", "1e3", "0", ".5", "1e308", "1.2.3", "2e", "3x", "relu(", "sigmoid(", "tanh(",
            "leaky_relu(", "max(", "mse(", "cross_entropy(", "batchnorm(", "softmax(", "transpose(", "sum(", "mean(", "log(",
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

    /** Text glued from random pieces. */
    public static Arbitrary<String> glued() {
        return Arbitraries.of(PIECES).list().ofMaxSize(80).map(l -> String.join("", l));
    }

    /** A shipped lesson after one to six random edits. */
    public static Arbitrary<String> mutated() {
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
}
