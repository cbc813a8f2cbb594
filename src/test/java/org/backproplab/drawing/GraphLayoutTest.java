package org.backproplab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.StepGraph;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;

/** ELK's layered layout of lesson graphs: leaves left, output right, every edge pointing right, no overlaps. */
class GraphLayoutTest {

    private static final GraphLayout.Size CARD = new GraphLayout.Size(150, 80);

    @Test
    void leavesAreLeftOfEverythingAndTheOutputRightOfEverything() throws LessonException {
        for (String name : ShippedLessons.NAMES) {
            StepGraph g = Steppers.shipped(name).graph();
            assertTrue(g.size() <= GraphLayout.ELK_LIMIT, name + " is not laid out by ELK");
            GraphLayout.Result r = GraphLayout.layout(g, n -> CARD);
            double leavesRight = 0;
            double opsLeft = Double.MAX_VALUE;
            for (StepGraph.Node n : g.nodes()) {
                double x = r.positions().get(n.index()).x();
                if (n.isLeaf()) {
                    leavesRight = Math.max(leavesRight, x);
                } else {
                    opsLeft = Math.min(opsLeft, x);
                }
                if (n.index() != g.output()) {
                    assertTrue(x < r.positions().get(g.output()).x(), name + ": " + n.name() + " is not left of the output");
                }
            }
            assertTrue(leavesRight < opsLeft, name + ": a leaf is not in the first layer");
            for (StepGraph.Edge e : g.edges()) {
                assertTrue(r.positions().get(e.from()).x() < r.positions().get(e.to()).x(),
                        name + ": edge " + e + " does not point right");
                List<GraphLayout.Point> route = r.routes().get(e.index());
                assertTrue(route.size() >= 2);
            }
            assertNoOverlaps(name, r, g.size());
        }
    }

    @Test
    void inputsEnterTopToBottomInTheirOrder() throws LessonException {
        StepGraph g = Steppers.shipped("01_circuit").graph();
        GraphLayout.Result r = GraphLayout.layout(g, n -> CARD);
        StepGraph.Edge fromQ = g.edge(g.output(), 0);
        StepGraph.Edge fromZ = g.edge(g.output(), 1);
        List<GraphLayout.Point> q = r.routes().get(fromQ.index());
        List<GraphLayout.Point> z = r.routes().get(fromZ.index());
        double top = r.positions().get(g.output()).y();
        assertEquals(top + GraphLayout.inputY(80, 0, 2), q.get(q.size() - 1).y(), 1.5);
        assertEquals(top + GraphLayout.inputY(80, 1, 2), z.get(z.size() - 1).y(), 1.5);
    }

    private static void assertNoOverlaps(String name, GraphLayout.Result r, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                GraphLayout.Point a = r.positions().get(i);
                GraphLayout.Point b = r.positions().get(j);
                boolean apart = a.x() + CARD.width() <= b.x() || b.x() + CARD.width() <= a.x()
                        || a.y() + CARD.height() <= b.y() || b.y() + CARD.height() <= a.y();
                assertTrue(apart, name + ": nodes " + i + " and " + j + " overlap");
            }
        }
    }
}
