package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 13: random option values for train, eval, gradflow, predict and bench-stepper (random strings, huge and
 * negative numbers, NaN, empty, any Unicode, file names of the wrong kind) never end in a stack trace, and always
 * in exit code 0, 1 or 2. Each run is kept small: the options not drawn stay at values that make the work tiny (the
 * first MNIST images, one epoch or step, a tiny network), and an option that counts work (epochs, steps, nodes,
 * repeats) draws any bad value but only small good ones: a good big one is long work asked for, not an error.
 */
class OptionFuzzTest {

    private static final Path FIRST_IMAGES = Path.of("src/test/resources/cli/mnist-first");
    private static final Path LESSON = Path.of("resources/lessons/03_two_layer_network.bp");

    private static Path dir;
    private static Path model;
    private static Path junk;

    @BeforeContainer
    static void makeFiles() throws IOException {
        dir = Files.createTempDirectory("option-fuzz");
        junk = Files.writeString(dir.resolve("junk.bpmodel"), "junk");
        model = dir.resolve("tiny.bpmodel");
        CliRun train = CliRun.of("train", "--data", FIRST_IMAGES.toString(), "--train-limit", "16", "--epochs", "1",
                "--layers", "784,4,10", "--save", model.toString());
        assertTrue(train.exitCode() == 0 && Files.exists(model), train.err());
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void anyOptionValuesEndInExitCode012WithoutAStackTrace(@ForAll("commandLines") List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String context = String.join(" ", args) + "\nexit " + run.exitCode() + "\n" + run.err();
        assertTrue(Set.of(0, 1, 2).contains(run.exitCode()), context);
        for (String text : List.of(run.err(), run.out())) {
            assertFalse(text.lines().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), context);
        }
        if (run.exitCode() != 0) {
            assertFalse(run.err().isBlank(), "a failure says why: " + context);
        }
        Statistics.collect(args.get(0), run.exitCode());
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        return Arbitraries.oneOf(
                command(List.of("train"), Map.of("--data", FIRST_IMAGES.toString(), "--train-limit", "16",
                        "--epochs", "1", "--layers", "784,4,10", "--batch", "8"), Map.ofEntries(
                        Map.entry("--layers", anyValue()), Map.entry("--activation", anyValue()),
                        Map.entry("--dropout", anyValue()), Map.entry("--init", anyValue()),
                        Map.entry("--optimizer", anyValue()), Map.entry("--lr", anyValue()),
                        Map.entry("--schedule", anyValue()), Map.entry("--weight-decay", anyValue()),
                        Map.entry("--clip-norm", anyValue()), Map.entry("--clip-value", anyValue()),
                        Map.entry("--batch", anyValue()), Map.entry("--epochs", workCount(2)),
                        Map.entry("--seed", anyValue()), Map.entry("--train-limit", anyValue()),
                        Map.entry("--dataset", anyValue()), Map.entry("--save", savePath()),
                        Map.entry("--data", readPath()))),
                command(List.of("eval", LESSON.toString()), Map.of("--steps", "1"), Map.of(
                        "--steps", workCount(3), "--lr", anyValue(), "--optimizer", anyValue(),
                        "--clip-norm", anyValue(), "--tangent", Arbitraries.oneOf(anyValue(),
                                Arbitraries.of("W1", "W1[1][0]", "W1[2][0]", "x", "h", "E", "W1[0]", "W1[0][0][0]")))),
                command(List.of("eval"), Map.of("--steps", "1"), Map.of("FILE", readPath())),
                command(List.of("gradflow"), Map.of("--depth", "2", "--width", "8", "--activation", "relu", "--init",
                        "he", "--steps", "1", "--seed", "0", "--batch", "8", "--data", FIRST_IMAGES.toString()),
                        Map.ofEntries(Map.entry("--depth", anyValue()), Map.entry("--width", anyValue()),
                                Map.entry("--activation", anyValue()), Map.entry("--init", anyValue()),
                                Map.entry("--clip-norm", anyValue()), Map.entry("--clip-value", anyValue()),
                                Map.entry("--optimizer", anyValue()), Map.entry("--lr", anyValue()),
                                Map.entry("--batch", anyValue()), Map.entry("--steps", workCount(2)),
                                Map.entry("--seed", anyValue()), Map.entry("--data", readPath()))),
                command(List.of("predict"), Map.of("--model", model.toString(), "--image", "0", "--data",
                        FIRST_IMAGES.toString()), Map.of("--model", readPath(), "--image", anyValue(),
                        "--png", readPath(), "--data", readPath())),
                command(List.of("bench-stepper"), Map.of("--nodes", "8", "--repeats", "1"),
                        Map.of("--nodes", workCount(40), "--repeats", workCount(3))),
                command(List.of("landscape"), Map.of("--surface", "rosenbrock", "--start", "1,1", "--steps", "3"),
                        Map.of("--surface", anyValue(), "--start", anyValue(), "--optimizer", anyValue(),
                                "--lr", anyValue(), "--momentum", anyValue(), "--steps", workCount(50))));
    }

    /**
     * A command line: the command's words, then its options with 1 to 3 of them drawn and the rest at the tiny
     * values. "FILE" stands for eval's lesson file; --png takes the place of --image (predict takes one of them).
     */
    private static Arbitrary<List<String>> command(List<String> words, Map<String, String> tiny,
                                                   Map<String, Arbitrary<String>> drawn) {
        return Arbitraries.subsetOf(drawn.keySet()).ofMinSize(1).ofMaxSize(Math.min(3, drawn.size()))
                .map(set -> set.stream().sorted().toList())
                .flatMap(names -> Combinators.combine(names.stream().map(drawn::get).toList()).as(values -> {
                    Map<String, String> options = new LinkedHashMap<>(tiny);
                    List<String> args = new ArrayList<>(words);
                    for (int i = 0; i < names.size(); i++) {
                        if (names.get(i).equals("FILE")) {
                            args.add(values.get(i));
                            continue;
                        }
                        if (names.get(i).equals("--png")) {
                            options.remove("--image");
                        }
                        options.put(names.get(i), values.get(i));
                    }
                    options.forEach((name, value) -> args.addAll(List.of(name, value)));
                    return args;
                }));
    }

    /** Values of every kind: good ones (so that runs get past the first check), odd ones and plain garbage. */
    private static Arbitrary<String> anyValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("", " ", "NaN", "-NaN", "Infinity", "-Infinity", "1e309",
                        "-0", "0", "-1", "1", "2", "0.5", "1.5", "1e-320", "2147483647", "2147483648", "-2147483648",
                        "9223372036854775807", "99999999999999999999", "0x10", "1_000", "٣", "３", "💥", "\u0000",
                        "a\nb", "--", "-", "@", "784,4,10", "784,,10", "784,-4,10", "784,4", "10,10",
                        "784,3000000,10", "relu", "tanh", "sigmoid", "leaky_relu", "xavier", "he", "zeros", "small",
                        "adam", "sgd", "nesterov", "cosine", "step:1:0.5", "step:0:2", "step:x", "mnist", "cifar")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(8)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("0123456789-+.,:eENaIfinty x").ofMaxLength(10)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
    }

    /** Any value but a whole number above {@code max}, which would only be more of the same work. */
    private static Arbitrary<String> workCount(int max) {
        return anyValue().filter(v -> {
            for (String s : List.of(v, v.strip())) {
                try {
                    if (Integer.parseInt(s) > max || Integer.decode(s) > max) {
                        return false;
                    }
                } catch (NumberFormatException e) {
                    // not a whole number the usual ways: a usage error to be
                }
            }
            return true;
        });
    }

    /** Files to read: missing, empty, of the wrong kind, a folder, the right ones, or any string. */
    private static Arbitrary<String> readPath() {
        return Arbitraries.oneOf(Arbitraries.of(dir.toString(), junk.toString(), model.toString(), LESSON.toString(),
                        FIRST_IMAGES.toString(), dir.resolve("missing").toString(), ""),
                anyValue().filter(v -> !v.contains("datasets")));
    }

    /** Where --save may write: always inside the test's folder (a folder, under a file, a new folder, any name). */
    private static Arbitrary<String> savePath() {
        return Arbitraries.oneOf(Arbitraries.of(dir.toString(), junk.resolve("m.bpmodel").toString(),
                        dir.resolve("new/sub/m.bpmodel").toString(), "", dir.resolve("saved.bpmodel").toString()),
                anyValue().filter(v -> !v.contains("..")).map(v -> dir + "/" + v));
    }
}
