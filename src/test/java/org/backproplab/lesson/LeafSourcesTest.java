package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.backproplab.engine.DType;
import org.junit.jupiter.api.Test;

/** The leaves a lesson takes from beside its text: data(rows, cols), mnist_images and mnist_labels, and their errors. */
class LeafSourcesTest {

    private static final LessonData WEIGHTS = new LessonData(DType.F32,
            Map.of("W", new LessonData.Block(2, 3, new double[] {1, 2, 3, 4, 5, 0.1f})), null);

    private static String error(String text, LessonData data) {
        return assertThrows(LessonException.class, () -> Lesson.compile(text, "t.bp", data)).getMessage();
    }

    @Test
    void dataTakesTheStatementsNumbersInTheDatasPrecisionAndLiteralsFollowIt() throws LessonException {
        Lesson lesson = Lesson.compile("param W = data(2, 3)\nloss L = sum(W * 2)", "t.bp", WEIGHTS);
        assertEquals(DType.F32, lesson.output().dtype());
        assertEquals((double) 0.1f, lesson.tensor("W").orElseThrow().value().get(5), "a float32 block stays exact");
        assertEquals(15 * 2 + 2 * (double) 0.1f, lesson.output().item(), 1e-5);
        assertEquals(1, lesson.parameters().size());
        assertEquals(WEIGHTS, lesson.data());
        Lesson inDoubles = Lesson.compile("param W = data(2, 3)\nloss L = sum(W * 2)", "t.bp", WEIGHTS.in(DType.F64));
        assertEquals(DType.F64, inDoubles.output().dtype());
    }

    @Test
    void missingOrMisshapenDataIsNamedAtTheCall() {
        assertEquals("t.bp:1:11: no numbers for 'V' beside the lesson: data(2, 3) takes them from the data a session"
                + " saves with its lesson (the MNIST tab's Step through one batch makes such a lesson); open that"
                + " session, or write the numbers as a literal", error("param V = data(2, 3)", WEIGHTS));
        assertEquals("t.bp:1:11: the numbers beside the lesson for 'W' are 2x3, not 3x2",
                error("param W = data(3, 2)", WEIGHTS));
        assertEquals("t.bp:1:11: argument 2 of data(rows, cols) must be a whole number ≥ 0, not 2.5",
                error("param W = data(2, 2.5)", WEIGHTS));
        assertEquals("t.bp:1:11: data takes 2 arguments, data(rows, cols); got 1", error("param W = data(2)", WEIGHTS));
        assertEquals("t.bp:1:11: no numbers for 'W' beside the lesson: data(2, 3) takes them from the data a session"
                + " saves with its lesson (the MNIST tab's Step through one batch makes such a lesson); open that"
                + " session, or write the numbers as a literal", error("param W = data(2, 3)", LessonData.NONE));
    }

    @Test
    void mnistImagesAndLabelsAreRowsOfPixelsAndOneHotLabels() throws LessonException {
        Lesson lesson = Lesson.compile("const x = mnist_images(59998, 2)\nconst y = mnist_labels(59998, 2)\n"
                + "s = sum(x) + sum(y)", "t.bp");
        assertEquals(2, lesson.tensor("x").orElseThrow().rows());
        assertEquals(784, lesson.tensor("x").orElseThrow().cols());
        assertEquals(10, lesson.tensor("y").orElseThrow().cols());
        assertEquals(DType.F64, lesson.output().dtype());
        assertEquals("t.bp:1:11: mnist_images(59999, 2): the training set has 60,000 images, 0 to 59,999",
                error("const x = mnist_images(59999, 2)", LessonData.NONE));
        assertEquals("t.bp:1:11: mnist_labels(0, 65): count must be 1 to 64 images",
                error("const x = mnist_labels(0, 65)", LessonData.NONE));
        assertEquals("t.bp:1:11: argument 1 of mnist_images(first, count) must be a whole number ≥ 0, not -1",
                error("const x = mnist_images(-1, 2)", LessonData.NONE));
    }

    @Test
    void paramAndConstStillRefuseOtherCalls() {
        assertEquals("t.bp:1:11: param W needs a literal on the right: a number, a row [1, 2], a matrix [[1, 2], [3, 4]]"
                + " or data(rows, cols); compute it in a plain 'name = expression' line",
                error("param W = relu(1)", LessonData.NONE));
    }
}
