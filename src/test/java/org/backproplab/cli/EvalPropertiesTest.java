package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonTexts;
import org.backproplab.lesson.LessonTraining;
import org.backproplab.nn.Clipping;

/**
 * Properties of the eval command: for any numbers in a lesson the JSON reads back as the engine's doubles, bit
 * for bit; for any mutated lesson the command exits 0 or 1, and 1 comes with file:line:col lines only.
 */
class EvalPropertiesTest {

    private static final Pattern DIAGNOSTIC = Pattern.compile("^.+\\.bp:\\d+:\\d+: \\S.*$");

    static String withTempFile(String text, java.util.function.Function<String, String> body) {
        try {
            Path p = Files.createTempFile("lesson", ".bp");
            try {
                Files.writeString(p, text, StandardCharsets.UTF_8);
                return body.apply(p.toString());
            } finally {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Double> anyDouble() {
        // Full-precision doubles near 1, doubles from random bits (any exponent), and the awkward ones.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.randomValue(r -> r.nextGaussian() * 2)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0.1,
                        1.0 / 3)));
    }

    @Provide
    Arbitrary<String> optimizers() {
        return Arbitraries.of("sgd", "momentum", "nesterov", "rmsprop", "adam");
    }

    @Property(tries = 150)
    void jsonReadsBackAsTheEnginesDoubles(@ForAll("anyDouble") double a, @ForAll("anyDouble") double b,
            @ForAll("anyDouble") double c, @ForAll("anyDouble") double d, @ForAll @IntRange(max = 3) int steps,
            @ForAll("optimizers") String optimizer) throws LessonException {
        // Literals are written with Double.toString, which the lexer reads back exactly (a minus is an operator).
        String text = "param a = " + a + "\nconst b = " + b + "\nparam m = [[" + c + ", " + d + "], [" + b + ", " + a
                + "]]\ny = a * m + b\nz = tanh(y) @ transpose(m)\nloss L = sum(z * z) / 4\ns = softmax(m)\n";
        String file = withTempFile(text, path -> {
            Eval.Run run = Eval.run(path, "--json", "--steps", Integer.toString(steps), "--optimizer", optimizer);
            try {
                Lesson engine = Lesson.compile(text, path);
                LessonTraining.run(engine, new LessonTraining.Settings(steps, OptimizerKind.parse(optimizer), 0.1, Clipping.NONE));
                Eval.assertMatchesEngine(run.json(), engine);
            } catch (LessonException e) {
                throw new AssertionError(e);
            }
            return path;
        });
        assertTrue(file.endsWith(".bp"));
    }

    @Provide
    Arbitrary<String> mutatedLessons() {
        return LessonTexts.mutated();
    }

    @Property(tries = 200)
    void mutatedLessonsExit0Or1WithOnlyDiagnosticsOnStderr(@ForAll("mutatedLessons") String text) {
        withTempFile(text, path -> {
            Eval.Run run = Eval.run(path, "--steps", "2", "--clip-norm", "5");
            if (run.exit() == 0) {
                assertFalse(run.out().isEmpty());
            } else {
                assertEquals(1, run.exit(), () -> "exit " + run.exit() + ": " + run.err());
                assertEquals("", run.out());
                assertFalse(run.errLines().isEmpty());
                for (String line : run.errLines()) {
                    assertTrue(line.startsWith(path + ":") && DIAGNOSTIC.matcher(line).matches(), line);
                }
            }
            return path;
        });
    }
}
