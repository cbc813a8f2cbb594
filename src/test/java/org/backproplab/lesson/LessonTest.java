package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a compiled lesson holds: nodes, names, params, the output, and where each node came from. */
class LessonTest {

    static Lesson compile(String source) throws LessonException {
        return Lesson.compile(source, "t.bp");
    }

    static double value(Lesson lesson, String name) {
        return lesson.tensor(name).orElseThrow().item();
    }

    @Test
    void rebindingMakesANewNodeAndEarlierUsesKeepTheOldOne() throws LessonException {
        Lesson l = compile("c = 1\nd = c * 2\nc = c + 1\ne = d + c");
        assertEquals(2, value(l, "d"));
        assertEquals(2, value(l, "c"));
        assertEquals(4, value(l, "e"));
        assertEquals(List.of("c", "d", "e"), List.copyOf(l.bindings().keySet()));
        Tensor c = l.tensor("c").orElseThrow();
        assertFalse(c.isLeaf());
        assertEquals("c", c.name());
        assertEquals(2, l.statementOf(c).orElseThrow().line() - 1);
    }

    @Test
    void paramConstAndPlainLiteralsAreLeavesAndOnlyParamsTrain() throws LessonException {
        Lesson l = compile("param w = [[1, 2], [3, 4]]\nconst k = -3\nb = [1, 2]\ny = w * k + b");
        Tensor w = l.tensor("w").orElseThrow();
        assertTrue(w.isLeaf() && w.isTrainable());
        assertTrue(l.tensor("k").orElseThrow().isLeaf());
        assertFalse(l.tensor("k").orElseThrow().isTrainable());
        assertFalse(l.tensor("b").orElseThrow().isTrainable());
        assertEquals(List.of(w), l.parameters());
        assertEquals(-3, value(l, "k"));
        assertArrayEquals(new double[][] {{-2, -4}, {-8, -10}}, l.tensor("y").orElseThrow().toArray());
    }

    @Test
    void constGradientsAreStillComputed() throws LessonException {
        Lesson l = compile("const a = 3\nparam b = 4\nf = a * b");
        LessonTraining.run(l, LessonTraining.Settings.none());
        assertEquals(4, l.tensor("a").orElseThrow().gradItem());
        assertEquals(3, l.tensor("b").orElseThrow().gradItem());
    }

    @Test
    void theLossIsTheOutputElseTheLastStatement() throws LessonException {
        Lesson withLoss = compile("x = 2\nloss L = x * x\nprobe = L + 1");
        assertEquals("L", withLoss.outputName());
        assertTrue(withLoss.hasLossStatement());
        assertSame(withLoss.tensor("L").orElseThrow(), withLoss.output());
        Lesson without = compile("x = 2\ny = x * x\nz = y + 1");
        assertEquals("z", without.outputName());
        assertFalse(without.hasLossStatement());
        assertSame(without.graph().output(), without.output());
    }

    @Test
    void namesTheLossDoesNotUseAreRecomputedAndHaveZeroGradient() throws LessonException {
        Lesson l = compile("param w = 1\nloss L = w * 2\nprobe = w * 10");
        l.tensor("w").orElseThrow().set(0, 0, 3);
        l.forward();
        l.zeroGrad();
        l.backward();
        assertEquals(6, value(l, "L"));
        assertEquals(30, value(l, "probe"));
        assertEquals(0, l.tensor("probe").orElseThrow().gradItem());
        assertEquals(2, l.tensor("w").orElseThrow().gradItem());
    }

    @Test
    void aNameOnTheRightBindsTheSameNode() throws LessonException {
        Lesson l = compile("x = 2\ny = x");
        assertSame(l.tensor("x").orElseThrow(), l.tensor("y").orElseThrow());
        assertEquals("x", l.tensor("y").orElseThrow().name());
    }

    @Test
    void originsPointAtTheSourceThatMadeEachNode() throws LessonException {
        Lesson l = compile("x = 2\ny = 3\nq = (x + y) * 4");
        Tensor q = l.tensor("q").orElseThrow();
        assertEquals(new Lesson.Origin(2, new Span(3, 5, 16)), l.origin(q).orElseThrow());
        Tensor sum = q.inputs().get(0);
        assertEquals(new Span(3, 6, 11), l.origin(sum).orElseThrow().span());
        Tensor four = q.inputs().get(1);
        assertEquals(new Span(3, 15, 16), l.origin(four).orElseThrow().span());
        assertEquals("4", four.label());
        assertEquals(5, l.nodes().size());
        assertTrue(l.origin(Tensor.scalar(1)).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-2^2|-4", "2^3^2|512", "2 ** -1|0.5", "-(2)^2|-4", "(-2)^2|4", "1 - 2 - 3|-4", "8 / 4 / 2|1",
        "2 + 3 * 4|14", "-3 * -2|6", "2 * 3 ^ 2|18", "- - 2|2", "2^0.5^2|1.189207115002721"})
    void precedenceAndAssociativity(String expr, double expected) throws LessonException {
        assertEquals(expected, value(compile("v = " + expr), "v"), 1e-15);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "relu(-1)|0", "relu(2)|2", "leaky_relu(-1)|-0.01", "leaky_relu(-1, 0.2)|-0.2", "leaky_relu(-1, -0.5 * 2)|1",
        "sigmoid(0)|0.5", "tanh(0)|0", "exp(0)|1", "log(1)|0", "abs(-2)|2", "sqrt(4)|2", "sum([1, 2, 3])|6",
        "mean([[1, 2], [3, 6]])|3", "sum(softmax([1, 2, 3]))|1", "sum(transpose([1, 2]) @ [3, 4])|21",
        "mse([1, 2], [1, 4])|2", "cross_entropy([0, 0], [1, 0])|0.6931471805599453",
        "sum(batchnorm([[1], [3]], [2], [1]))|2"})
    void everyFunction(String expr, double expected) throws LessonException {
        assertEquals(expected, value(compile("v = " + expr), "v"), 1e-6);
    }

    @Test
    void elementWiseOperatorsBroadcastAScalarAndARow() throws LessonException {
        Lesson l = compile("m = [[1, 2], [3, 4]]\nr = [10, 20]\na = m + r\nb = 2 * m - 1\nc = r / m");
        assertArrayEquals(new double[][] {{11, 22}, {13, 24}}, l.tensor("a").orElseThrow().toArray());
        assertArrayEquals(new double[][] {{1, 3}, {5, 7}}, l.tensor("b").orElseThrow().toArray());
        assertArrayEquals(new double[][] {{10, 10}, {10.0 / 3, 5}}, l.tensor("c").orElseThrow().toArray());
    }

    @Test
    void maxIsTheMaxGateWithItsArgumentsBroadcastAndItsArityChecked() throws LessonException {
        Lesson l = compile("z = [-3, 2, -1]\nzero = 0\nh = max(z, zero)\nloss L = sum(h * [1, 2, 3])\n");
        l.backward();
        assertArrayEquals(new double[][] {{0, 2, 0}}, l.tensor("h").orElseThrow().toArray());
        assertArrayEquals(new double[] {0, 2, 0}, l.tensor("z").orElseThrow().grad().toDoubles());
        assertEquals(4, l.tensor("zero").orElseThrow().gradItem(), "the gradient of the two elements where 0 won");
        assertEquals(2, value(compile("v = max(2, -3)"), "v"));
        LessonException e = assertThrows(LessonException.class, () -> compile("v = max(1)"));
        assertEquals("t.bp:1:5: max takes 2 arguments, max(a, b); got 1", e.diagnostics().get(0).format());
    }

    @Test
    void unicodeNamesAndColumnsCountCharacters() throws LessonException {
        Lesson l = compile("权重 = 2 # 中文注释\n偏置 = 权重 * 3");
        assertEquals(6, value(l, "偏置"));
        assertEquals(new Span(2, 6, 12), l.origin(l.tensor("偏置").orElseThrow()).orElseThrow().span());
        LessonException e = org.junit.jupiter.api.Assertions.assertThrows(LessonException.class,
                () -> compile("权重 = 2\n偏置 = 权重 * 某"));
        assertEquals("t.bp:2:11: unknown name '某'", e.first().format());
    }
}
