package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Clipping;

/**
 * Random and mutated lesson text: whatever goes in, a lesson either compiles and trains, or fails with lesson
 * errors whose positions lie inside the text. No other exception, and no stack overflow, gets out.
 */
class LessonFuzzTest {

    @Provide
    Arbitrary<String> gluedPieces() {
        return LessonTexts.glued();
    }

    @Provide
    Arbitrary<String> mutatedLessons() {
        return LessonTexts.mutated();
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
            LessonTraining.run(lesson, new LessonTraining.Settings(2, OptimizerKind.ADAM, 0.1, new Clipping.ByNorm(1)));
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
