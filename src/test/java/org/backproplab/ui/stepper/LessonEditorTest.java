package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.backproplab.lesson.Diagnostic;
import org.junit.jupiter.api.Test;

/** Where an error is underlined: from its line:col to the end of the word there. */
class LessonEditorTest {

    @Test
    void anErrorCoversTheWordAtItsLineAndColumn() {
        String text = "x = 1\n# 注释\nf = q * zz\n";
        int start = text.indexOf("zz");
        assertArrayEquals(new int[] {start, start + 2}, LessonEditor.range(text, new Diagnostic("a.bp", 3, 9, "unknown")));
        assertArrayEquals(new int[] {4, 5}, LessonEditor.range(text, new Diagnostic("a.bp", 1, 5, "?")));
    }

    @Test
    void anErrorPastTheEndMarksTheLastCharacter() {
        String text = "x = (1 +\n";
        assertArrayEquals(new int[] {7, 8}, LessonEditor.range(text, new Diagnostic("a.bp", 1, 20, "?")));
        assertArrayEquals(new int[] {9, 9}, LessonEditor.range(text, new Diagnostic("a.bp", 2, 1, "?")));
    }
}
