package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward mode: each op's tangent rule against central differences along a random direction, on the cases of
 * {@link GradientCheckTest}; tangents of a scalar loss against the gradient of one backward pass; the seeds, the
 * events, and the errors.
 */
class ForwardModeTest {

    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> ops() {
        return GradientCheckTest.ops();
    }

    /**
     * J·v of the op's node along a random direction v of each leaf, against the fourth-order central difference
     * (8·(y(x+hv) − y(x−hv)) − (y(x+2hv) − y(x−2hv))) / 12h, element by element of the node.
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("ops")
    void eachOpsTangentMatchesCentralDifferences(String name, long seed, GradientCheckTest.Case c) {
        Random rng = new Random(seed);
        List<Tensor> leaves = new ArrayList<>();
        Tensor node = GradientCheckTest.build(c, rng, leaves);
        Graph graph = Graph.of(node);
        for (Tensor leaf : leaves) {
            Snapshot v = new Snapshot(leaf.rows(), leaf.cols(), flat(GradientCheckTest.random(rng, leaf.rows(),
                    leaf.cols(), 1)));
            double[] tangent = ForwardMode.run(graph, leaf, v).of(node).values();
            double[] numeric = centralDifference(graph, leaf, v, GradientCheck.DEFAULT_STEP);
            for (int i = 0; i < tangent.length; i++) {
                double error = GradientCheck.relativeError(tangent[i], numeric[i]);
                int k = i;
                assertTrue(error < TOLERANCE, () -> name + ": element " + k + " of " + node.shape() + " along a "
                        + leaf.shape() + " direction: tangent " + tangent[k] + ", numeric " + numeric[k]);
            }
        }
    }

    /** For a scalar L = Σ W ⊙ op(…) and the seed e_ij of a leaf, the tangent of L is ∂L/∂leaf[i][j] from backward. */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("ops")
    void theTangentOfAScalarLossAlongEachElementIsThatElementsGradient(String name, long seed,
            GradientCheckTest.Case c) {
        Random rng = new Random(seed);
        List<Tensor> leaves = new ArrayList<>();
        Tensor node = GradientCheckTest.build(c, rng, leaves);
        Tensor weights = Tensor.of(GradientCheckTest.random(rng, node.rows(), node.cols(), 1)).noGrad();
        Tensor loss = Reduce.Kind.SUM.on(Binary.Kind.MUL.on(node, weights));
        Graph graph = Graph.of(loss);
        graph.forward();
        graph.zeroGrad();
        graph.backward();
        for (Tensor leaf : leaves) {
            double[][] grad = toRows(leaf.gradSnapshot());
            double sum = 0;
            double scale = 0;
            for (int r = 0; r < leaf.rows(); r++) {
                for (int col = 0; col < leaf.cols(); col++) {
                    double forward = ForwardMode.run(graph, leaf, ForwardMode.element(leaf, r, col)).of(loss).item();
                    assertClose(grad[r][col], forward, name + " " + leaf.shape() + " [" + r + "][" + col + "]");
                    sum += grad[r][col];
                    scale += Math.abs(grad[r][col]);
                }
            }
            double alongOnes = ForwardMode.run(graph, leaf, ForwardMode.ones(leaf)).of(loss).item();
            assertEquals(sum, alongOnes, 1e-12 * scale, name + ": along all ones, the sum of the gradient");
        }
    }

    @Test
    void aForwardPassCarriesTheTangentOfEveryNode() {
        // f = (x·y)·(x + y) at x = 2, y = 3: a = 6, b = 5, f = 30.
        Tensor x = Tensor.scalar(2).named("x");
        Tensor y = Tensor.scalar(3).named("y");
        Tensor a = Binary.Kind.MUL.on(x, y).named("a");
        Tensor b = Binary.Kind.ADD.on(x, y).named("b");
        Tensor f = Binary.Kind.MUL.on(a, b).named("f");
        Graph graph = Graph.of(f);
        ForwardMode.Tangents alongX = ForwardMode.run(graph, x, ForwardMode.ones(x));
        assertEquals(1, alongX.of(x).item());
        assertEquals(0, alongX.of(y).item());
        assertEquals(3, alongX.of(a).item(), "ȧ = ẋ·y + x·ẏ = y");
        assertEquals(1, alongX.of(b).item());
        assertEquals(21, alongX.of(f).item(), "ḟ = ȧ·b + a·ḃ = 3·5 + 6·1");
        ForwardMode.Tangents alongY = ForwardMode.run(graph, y, ForwardMode.ones(y));
        assertEquals(2, alongY.of(a).item());
        assertEquals(16, alongY.of(f).item(), "2·5 + 6·1");
        graph.backward();
        assertEquals(21, x.gradItem(), "one backward pass gives both: ∂f/∂x");
        assertEquals(16, y.gradItem(), "and ∂f/∂y");
        assertSame(x, alongX.leaf());
    }

    @Test
    void aWatchedPassReportsTheSeedThenEachNodeWithItsValueAndTangent() {
        Tensor w = Tensor.row(1, -2).named("w");
        Tensor h = Unary.Kind.TANH.on(w).named("h");
        Tensor s = Reduce.Kind.SUM.on(h).named("s");
        Graph graph = Graph.of(s);
        List<PassEvent> events = new ArrayList<>();
        ForwardMode.Tangents t = ForwardMode.run(graph.nodes(), w, ForwardMode.element(w, 0, 1), events::add);
        assertEquals(3, events.size());
        PassEvent.TangentSeed seed = assertInstanceOf(PassEvent.TangentSeed.class, events.get(0));
        assertSame(w, seed.leaf());
        assertArrayEquals(new double[] {0, 1}, seed.direction().values());
        PassEvent.TangentStep first = assertInstanceOf(PassEvent.TangentStep.class, events.get(1));
        assertSame(h, first.node());
        assertEquals(1, first.position());
        assertEquals(2, first.count());
        assertArrayEquals(new double[] {Math.tanh(1), Math.tanh(-2)}, first.value().values());
        double d = 1 - Math.tanh(-2) * Math.tanh(-2);
        assertArrayEquals(new double[] {0, d}, first.tangent().values(), 1e-16);
        PassEvent.TangentStep last = assertInstanceOf(PassEvent.TangentStep.class, events.get(2));
        assertEquals(d, last.tangent().item(), 1e-16);
        assertEquals(t.of(s), last.tangent());
    }

    @Test
    void theValuesAreRecomputedFromTheLeavesAsAForwardPassDoes() {
        Tensor w = Tensor.scalar(3);
        Tensor y = Unary.Kind.POW.on(w, 2);
        w.set(0, 0, 5);
        ForwardMode.Tangents t = ForwardMode.run(Graph.of(y), w, ForwardMode.ones(w));
        assertEquals(25, y.item());
        assertEquals(10, t.of(y).item());
    }

    @Test
    void float32GraphsCarryFloat32Tangents() {
        double[][] xs = {{0.5, -1, 2}, {1.5, 0.25, -0.75}};
        double[][] ws = {{0.2, -0.4}, {0.7, 0.1}, {-0.3, 0.5}};
        double[][] ts = {{1, 0}, {0, 1}};
        double[] got = new double[2];
        int k = 0;
        for (DType dtype : DType.values()) {
            Tensor x = Tensor.of(dtype, xs);
            Tensor w = Tensor.of(dtype, ws);
            Tensor b = Tensor.of(dtype, new double[][] {{0.1, -0.2}});
            Tensor h = Unary.Kind.RELU.on(Binary.Kind.ADD.on(MatMul.of(x, w), b));
            Tensor loss = CrossEntropy.of(h, Tensor.of(dtype, ts));
            got[k++] = ForwardMode.run(Graph.of(loss), w, ForwardMode.element(w, 1, 0)).of(loss).item();
        }
        assertEquals(got[0], got[1], 1e-6);
        assertTrue(got[0] != 0, "the element feeds a live unit");
    }

    @Test
    void theSeedMustBeALeafOfTheGraphWithADirectionOfItsShape() {
        Tensor w = Tensor.row(1, 2).named("w");
        Tensor y = Unary.Kind.EXP.on(w).named("y");
        Graph graph = Graph.of(y);
        var computed = assertThrows(IllegalArgumentException.class, () -> ForwardMode.run(graph, y, ForwardMode.ones(y)));
        assertEquals("forward mode seeds a leaf; y is computed by exp", computed.getMessage());
        var shape = assertThrows(ShapeException.class, () -> ForwardMode.run(graph, w, Snapshot.scalar(1)));
        assertEquals("forward mode: the direction is [1x1], the leaf w is [1x2]", shape.getMessage());
        Tensor other = Tensor.scalar(1).named("other");
        var outside = assertThrows(IllegalArgumentException.class,
                () -> ForwardMode.run(graph, other, ForwardMode.ones(other)));
        assertEquals("forward mode: other is not a node of this graph", outside.getMessage());
        var index = assertThrows(IndexOutOfBoundsException.class, () -> ForwardMode.element(w, 1, 0));
        assertEquals("(1, 0) is outside w [1x2]", index.getMessage());
    }

    private static double[] centralDifference(Graph graph, Tensor leaf, Snapshot v, double h) {
        double[] original = leaf.value().toDoubles();
        double[] p1 = at(graph, leaf, original, v, h);
        double[] m1 = at(graph, leaf, original, v, -h);
        double[] p2 = at(graph, leaf, original, v, 2 * h);
        double[] m2 = at(graph, leaf, original, v, -2 * h);
        at(graph, leaf, original, v, 0);
        double[] d = new double[p1.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (8 * (p1[i] - m1[i]) - (p2[i] - m2[i])) / (12 * h);
        }
        return d;
    }

    /** The output's values with the leaf at original + t·v. */
    private static double[] at(Graph graph, Tensor leaf, double[] original, Snapshot v, double t) {
        double[] dir = v.values();
        for (int i = 0; i < original.length; i++) {
            leaf.value().set(i, original[i] + t * dir[i]);
        }
        graph.forward();
        return graph.output().value().toDoubles();
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= 1e-12 * scale, () -> what + ": backward " + expected
                + ", forward " + actual);
    }

    private static double[] flat(double[][] m) {
        double[] d = new double[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, d, r * m[0].length, m[0].length);
        }
        return d;
    }

    private static double[][] toRows(Snapshot s) {
        double[][] m = new double[s.rows()][s.cols()];
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.cols(); c++) {
                m[r][c] = s.get(r, c);
            }
        }
        return m;
    }
}
