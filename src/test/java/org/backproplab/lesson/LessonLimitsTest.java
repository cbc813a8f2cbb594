package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * How large a lesson may be (issue 13, row 5: a 2000×2000 literal ran out of memory in the lexer): each limit is
 * refused with one diagnostic that says how large the thing is and what the limit is, and the lesson just under it
 * still compiles.
 */
class LessonLimitsTest {

    private static String error(String source) {
        LessonException e = assertThrows(LessonException.class, () -> Lesson.compile(source, "t.bp"));
        assertEquals(1, e.diagnostics().size(), e::getMessage);
        return e.first().format();
    }

    /** A row literal of {@code cols} ones. */
    private static String row(int cols) {
        return "[" + String.join(", ", Collections.nCopies(cols, "1")) + "]";
    }

    /** A literal of {@code rows} rows of {@code cols} ones. */
    private static String matrix(int rows, int cols) {
        return "[" + String.join(", ", Collections.nCopies(rows, row(cols))) + "]";
    }

    @Test
    void aLiteralOfMoreThan65536NumbersIsRefusedAtItsBracket() throws LessonException {
        assertEquals("t.bp:2:11: the literal has 65,792 numbers, a 257x256 matrix; a literal holds at most 65,536"
                + " (256x256): a lesson is for matrices small enough to follow step by step",
                error("x = 1\nparam w = " + matrix(257, 256) + "\n"));
        assertEquals("t.bp:1:5: the literal has 65,537 numbers; a literal holds at most 65,536 (256x256): a lesson is"
                + " for matrices small enough to follow step by step", error("r = " + row(65_537)));
        assertEquals(256 * 256, Lesson.compile("param w = " + matrix(256, 256), "t.bp").parameters().get(0).size());
    }

    @Test
    void aProductLargerThanTheLimitIsRefusedAtItsOperatorBeforeItIsMade() throws LessonException {
        String line = "x = " + row(257) + "\n";
        assertEquals("t.bp:2:18: [257x1] @ [1x257] would be a 257x257 matrix (66,049 numbers); a lesson's tensor holds"
                + " at most 65,536 (256x256): a lesson is for matrices small enough to follow step by step",
                error(line + "y = transpose(x) @ x\n"));
        Lesson fits = Lesson.compile("x = " + row(256) + "\ny = transpose(x) @ x\n", "t.bp");
        assertEquals(65_536, fits.tensor("y").orElseThrow().size());
    }

    @Test
    void allTheNodesTogetherHoldAtMostAMillionNumbers() throws LessonException {
        // 16 nodes of 65,536 numbers are exactly the limit; the 17th is refused at the operator that makes it.
        String big = "x = " + matrix(256, 256) + "\n";
        Lesson fits = Lesson.compile(big + "y = x + x\n".repeat(15), "t.bp");
        assertEquals(LessonLimits.MAX_TOTAL_SIZE, fits.nodes().stream().mapToInt(t -> t.size()).sum());
        assertEquals("t.bp:17:7: with this node the lesson's nodes hold 1,114,112 numbers; a lesson holds at most"
                + " 1,048,576 in all: a lesson is for graphs small enough to follow step by step",
                error(big + "y = x + x\n".repeat(16)));
    }

    @Test
    void aTextOfMoreThanOneMegabyteIsRefusedBeforeLexing() throws LessonException {
        String statement = "x = 1\n";
        String atTheLimit = statement + "#".repeat(LessonLimits.MAX_SOURCE_BYTES - statement.length());
        assertEquals(1, Lesson.compile(atTheLimit, "t.bp").nodes().size());
        assertEquals("t.bp:1:1: the lesson is 1.0 MB (1,048,577 bytes), too large for a lesson (at most 1 MB,"
                + " 1,048,576 bytes)", error(atTheLimit + " "));
        // Counted in UTF-8 bytes, as the file is: 349,530 characters, most of them Chinese, are 1,048,578 bytes.
        assertEquals("t.bp:1:1: the lesson is 1.0 MB (1,048,578 bytes), too large for a lesson (at most 1 MB,"
                + " 1,048,576 bytes)", error("x = 1#" + "权".repeat(349_524)));
        assertEquals(4 + 3 + 2 + 1, Compiler.utf8Length("😀权é1"));
    }
}
