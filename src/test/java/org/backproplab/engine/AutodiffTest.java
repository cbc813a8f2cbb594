package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accumulation, zeroing, broadcasting, ordering and the events of a watched pass. */
class AutodiffTest {

    private static final Binary.Kind ADD = Binary.Kind.ADD;
    private static final Binary.Kind MUL = Binary.Kind.MUL;

    @Test
    void fanOutAccumulatesBothPaths() {
        // f = a·a + a: a feeds three edges, so ∂f/∂a = 2a + 1.
        Tensor a = Tensor.scalar(3).named("a");
        Tensor f = ADD.on(MUL.on(a, a), a);
        Graph.of(f).backward();
        assertEquals(7, a.gradItem());
    }

    @Test
    void leavesAccumulateAcrossPassesUntilZeroed() {
        Tensor a = Tensor.scalar(2);
        Tensor b = Tensor.scalar(5);
        Graph g = Graph.of(MUL.on(a, b));
        g.backward();
        g.backward();
        assertEquals(10, a.gradItem(), "two passes without zeroing add up");
        g.zeroGrad();
        g.backward();
        assertEquals(5, a.gradItem());
        assertEquals(2, b.gradItem());
    }

    @Test
    void aZeroedGradientReadsAsZerosAndAMatrixProductOverwritesIt() {
        // zeroGrad only marks the gradient; it is cleared when read, or overwritten by a product's backward.
        float[] wv = {1, 2, 3, 4, 5, 6};
        Tensor w = Tensor.wrap(3, 2, wv.clone()).named("w");
        Tensor x = Tensor.wrap(2, 3, new float[] {1, 0, 2, -1, 3, 1}).noGrad();
        Graph g = Graph.of(Reduce.Kind.SUM.on(MatMul.of(x, w)));
        g.backward();
        double[] once = w.gradSnapshot().values();
        g.backward();
        g.zeroGrad();
        assertArrayEquals(new double[6], w.gradSnapshot().values(), "zeroed, then read: zeros");
        g.backward();
        g.backward();
        g.zeroGrad();
        g.backward();
        assertArrayEquals(once, w.gradSnapshot().values(), "after zeroing, one pass gives one pass's gradient");
        Tensor unused = Tensor.wrap(1, 2, new float[] {1, 1}).named("unused");
        Graph.of(Reduce.Kind.SUM.on(MUL.on(unused, unused))).backward();
        unused.zeroGrad();
        g.backward(); // a graph without it: its gradient must still read as zeros
        assertArrayEquals(new double[2], unused.gradSnapshot().values());
    }

    @Test
    void computedNodesStartEachPassFromZero() {
        Tensor a = Tensor.scalar(2);
        Tensor h = MUL.on(a, Tensor.scalar(3));
        Graph g = Graph.of(MUL.on(h, h));
        g.backward();
        g.backward();
        assertEquals(12, h.gradItem(), "∂(h²)/∂h = 2h, not doubled by the second pass");
    }

    @Test
    void broadcastGradientsAreSummedBack() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor row = Tensor.row(10, 20, 30);
        Tensor s = Tensor.scalar(2);
        Tensor y = MUL.on(ADD.on(x, row), s);
        Graph.of(Reduce.Kind.SUM.on(y)).backward();
        assertArrayEquals(new double[] {4, 4, 4}, row.gradSnapshot().values(), "each column's 2 rows × s");
        assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 2 * (10 + 20 + 30), s.gradItem());
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, x.gradSnapshot().values());
    }

    @Test
    void shapeErrorsNameOpAndBothShapes() {
        Tensor a = Tensor.of(new double[3][4]);
        Tensor b = Tensor.of(new double[3][2]);
        ShapeException e = assertThrows(ShapeException.class, () -> MatMul.of(a, b));
        assertEquals("matmul: [3x4] @ [3x2] — inner sizes differ (4 ≠ 3)", e.getMessage());
        ShapeException add = assertThrows(ShapeException.class, () -> ADD.on(a, b));
        assertTrue(add.getMessage().startsWith("add: [3x4] + [3x2]"), add.getMessage());
        ShapeException types = assertThrows(ShapeException.class,
                () -> ADD.on(a, Tensor.zeros(DType.F32, 3, 4)));
        assertTrue(types.getMessage().contains("element types differ"), types.getMessage());
    }

    @Test
    void forwardRecomputesFromChangedLeaves() {
        Tensor a = Tensor.scalar(2);
        Tensor f = Unary.Kind.POW.on(ADD.on(a, Tensor.scalar(1)), 2);
        Graph g = Graph.of(f);
        assertEquals(9, f.item());
        a.set(0, 0, 4);
        g.forward();
        assertEquals(25, f.item());
        g.backward();
        assertEquals(10, a.gradItem());
    }

    @Test
    void deepChainNeedsNoRecursion() {
        Tensor x = Tensor.scalar(0.5);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = ADD.on(y, Tensor.scalar(0).noGrad());
        }
        Graph g = Graph.of(y);
        assertEquals(200_001, g.nodes().size());
        g.backward();
        assertEquals(1, x.gradItem());
    }

    @Test
    void noGradLeavesAreSkipped() {
        Tensor data = Tensor.of(new double[][] {{1, 2}}).noGrad();
        Tensor w = Tensor.of(new double[][] {{3}, {4}}).trainable();
        Tensor out = MatMul.of(data, w);
        Graph g = Graph.of(out);
        g.backward();
        assertArrayEquals(new double[] {1, 2}, w.gradSnapshot().values());
        assertArrayEquals(new double[] {0, 0}, data.gradSnapshot().values());
        assertEquals(List.of(w), g.parameters());
    }

    @Test
    void watchedPassReportsEveryStepAndTheSameNumbers() {
        // f = (x + y) · z with x feeding twice: q = x + y, f = q · z + x
        Tensor x = Tensor.scalar(-2).named("x");
        Tensor y = Tensor.scalar(5).named("y");
        Tensor z = Tensor.scalar(-4).named("z");
        Tensor q = ADD.on(x, y).named("q");
        Tensor f = ADD.on(MUL.on(q, z).named("p"), x).named("f");
        Graph g = Graph.of(f);
        List<PassEvent> events = new ArrayList<>();
        g.forward(events::add);
        assertEquals(3, events.size());
        PassEvent.ForwardStep first = (PassEvent.ForwardStep) events.get(0);
        assertEquals(q, first.node());
        assertEquals(1, first.position());
        assertEquals(3, first.count());
        assertEquals(3, first.value().item());
        assertEquals("x + y", q.op().formula(List.of("x", "y")));

        events.clear();
        g.backward(events::add);
        assertTrue(events.get(0) instanceof PassEvent.GradientSeed);
        List<PassEvent.BackwardStep> steps = events.stream().skip(1).map(PassEvent.BackwardStep.class::cast).toList();
        assertEquals(6, steps.size(), "f→p, f→x, p→q, p→z, q→x, q→y");
        PassEvent.BackwardStep pz = steps.stream().filter(s -> s.input() == z).findFirst().orElseThrow();
        assertEquals(1, pz.upstream().item());
        assertEquals(3, pz.local().value().item(), "∂p/∂z = q");
        assertEquals(3, pz.contribution().item());
        assertFalse(pz.accumulated());
        List<PassEvent.BackwardStep> intoX = steps.stream().filter(s -> s.input() == x).toList();
        assertEquals(2, intoX.size());
        assertFalse(intoX.get(0).accumulated());
        assertTrue(intoX.get(1).accumulated(), "the second path into x adds to the first");
        assertEquals(intoX.get(1).gradientBefore().item() + intoX.get(1).contribution().item(),
                intoX.get(1).gradientAfter().item());
        assertEquals(-3, x.gradItem(), "1 (direct) + z = -4 through q");

        // Watching changes nothing: the unwatched pass gives the same bits.
        double watched = x.gradItem();
        g.zeroGrad();
        g.backward();
        assertEquals(watched, x.gradItem());
    }

    @Test
    void float32AndFloat64RunTheSameOps() {
        double[][] xs = {{0.5, -1.25, 2}, {3, 0.125, -0.75}};
        double[][] ws = {{0.25, -0.5}, {1.5, 0.75}, {-1, 0.5}};
        double[] grads64 = null;
        for (DType t : DType.values()) {
            Tensor x = Tensor.of(t, xs);
            Tensor w = Tensor.of(t, ws).trainable();
            Tensor b = Tensor.of(t, new double[][] {{0.1, -0.2}}).trainable();
            Tensor loss = CrossEntropy.of(Unary.Kind.RELU.on(ADD.on(MatMul.of(x, w), b)),
                    Tensor.of(t, new double[][] {{1, 0}, {0, 1}}).noGrad());
            Graph.of(loss).backward();
            assertEquals(t, loss.dtype());
            double[] grads = w.gradSnapshot().values();
            if (grads64 == null) {
                grads64 = grads;
            } else {
                assertArrayEquals(grads64, grads, 1e-6);
            }
        }
    }

    @Test
    void softmaxRowsSumToOneEvenForHugeLogits() {
        Tensor p = Softmax.of(Tensor.of(new double[][] {{1000, 1001, 1002}, {-1000, 0, 1000}}));
        assertEquals(1, p.get(0, 0) + p.get(0, 1) + p.get(0, 2), 1e-15);
        assertEquals(1, p.get(1, 2), 1e-15);
        Tensor ce = CrossEntropy.of(Tensor.of(new double[][] {{1000, -1000}}), Tensor.row(0, 1));
        assertEquals(2000, ce.item(), 1e-9);
    }

    @Test
    void dropoutKeepsAboutOneMinusPScaledAndIsTheIdentityInEvaluation() {
        double[][] ones = new double[100][100];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1);
        }
        Dropout.Settings settings = new Dropout.Settings(0.25, new java.util.Random(1));
        Tensor x = Tensor.of(DType.F32, ones);
        Tensor y = Dropout.of(x, settings);
        int kept = 0;
        for (double v : y.snapshot().values()) {
            if (v != 0) {
                assertEquals(1 / 0.75, v, 1e-6);
                kept++;
            }
        }
        assertEquals(7500, kept, 150, "about 75% kept");
        settings.setTraining(false);
        Graph g = Graph.of(Reduce.Kind.SUM.on(y));
        g.forward();
        assertEquals(10_000, g.output().item(), 1e-9);
        g.backward();
        assertEquals(1, x.gradAt(3, 7));
    }
}
