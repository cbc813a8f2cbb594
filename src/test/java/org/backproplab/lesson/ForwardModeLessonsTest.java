package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backproplab.engine.ForwardMode;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward mode against reverse mode on every shipped lesson: for every leaf (params, consts, the literals inside
 * expressions) and every element of it, the tangent of the output along that element is the element of the gradient
 * one backward pass gives, to 1e-12 relative; seeded with ones over the leaf, it is the gradient's sum.
 */
class ForwardModeLessonsTest {

    private static final Path LESSONS = Path.of("resources", "lessons");
    private static final double RELATIVE = 1e-12;

    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(LESSONS)) {
            return files.filter(p -> p.toString().endsWith(".bp")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreShippedLessonsToCheck() throws IOException {
        assertTrue(lessons().count() >= 12, "the lessons are found");
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void theTangentOfTheOutputAlongEachElementOfEachLeafIsThatElementsGradient(Path file)
            throws IOException, LessonException {
        Lesson lesson = Lesson.compile(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        lesson.forward();
        lesson.zeroGrad();
        lesson.backward();
        Tensor output = lesson.output();
        // A non-scalar output is seeded with ones by backward: its gradient is that of the sum of its elements.
        List<Tensor> leaves = lesson.nodes().stream().filter(Tensor::isLeaf).toList();
        assertTrue(!leaves.isEmpty(), file.toString());
        int checked = 0;
        for (Tensor leaf : leaves) {
            Snapshot gradient = leaf.gradSnapshot();
            double sum = 0;
            double scale = 0;
            for (int r = 0; r < leaf.rows(); r++) {
                for (int c = 0; c < leaf.cols(); c++) {
                    double reverse = gradient.get(r, c);
                    double forward = total(lesson.tangents(leaf, ForwardMode.element(leaf, r, c), null).of(output));
                    String where = file.getFileName() + ": d" + lesson.outputName() + "/d" + leaf.label() + "[" + r
                            + "][" + c + "]";
                    assertTrue(Math.abs(forward - reverse) <= RELATIVE * Math.max(Math.abs(forward), Math.abs(reverse)),
                            () -> where + ": backward " + reverse + ", forward " + forward);
                    sum += reverse;
                    scale += Math.abs(reverse);
                    checked++;
                }
            }
            double alongOnes = total(lesson.tangents(leaf, ForwardMode.ones(leaf), null).of(output));
            assertEquals(sum, alongOnes, RELATIVE * scale, file.getFileName() + ": along ones over " + leaf.label());
        }
        assertTrue(checked >= leaves.size());
    }

    private static double total(Snapshot s) {
        double t = 0;
        for (double v : s.values()) {
            t += v;
        }
        return t;
    }
}
