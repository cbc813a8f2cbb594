package org.backproplab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.StepGraph;
import org.junit.jupiter.api.Test;

/**
 * The project's own layered layout, which takes over from ELK above {@link GraphLayout#ELK_LIMIT} nodes: every node
 * placed, no two cards overlapping, leaves in the first layer and the output alone in the last, every edge going
 * right from its source's output port to its input port on the target and routed between the cards; a pathological
 * graph stays within the dummy budget; more than {@link GraphLayout#MAX_NODES} nodes are refused, saying so.
 */
class LayeredLayoutTest {

    @Test
    void aLessonOfMoreThan5000NodesIsLaidOutInLayersWithEveryEdgeBetweenTheCards() throws LessonException {
        StepGraph g = StepGraph.of(Lesson.compile(network(39), "big.bp"));
        assertTrue(g.size() > 5000 && g.size() > GraphLayout.ELK_LIMIT, g.size() + " nodes");
        // Cards of several sizes, as a lesson with matrices has: every seventh node a 3×2 matrix's card.
        List<GraphLayout.Size> sizes = g.nodes().stream()
                .map(n -> n.index() % 7 == 0 ? CardSize.of(3, 2) : CardSize.of(n)).toList();
        List<GraphLayout.Link> links = links(g);
        GraphLayout.Result r = GraphLayout.layout(sizes, links, g.output());
        assertLaidOut("5,000 nodes", sizes, links, g.output(), r, true);
    }

    @Test
    void theShippedLessonsLaidOutThisWayKeepTheSameRules() throws LessonException {
        for (String name : ShippedLessons.NAMES) {
            StepGraph g = Steppers.shipped(name).graph();
            List<GraphLayout.Size> sizes = g.nodes().stream().map(CardSize::of).toList();
            List<GraphLayout.Link> links = links(g);
            assertLaidOut(name, sizes, links, g.output(), LayeredLayout.layout(sizes, links, g.output()), true);
        }
    }

    /**
     * One leaf feeding every op of a chain of 2,000: its edges cross 2 million layers in all, far past the dummy
     * budget. The longest are drawn straight across, and the layout stays as small as the budget.
     */
    @Test
    void aLeafFeedingEveryOpOfADeepChainStaysWithinTheDummyBudget() {
        int n = 2001;
        List<GraphLayout.Size> sizes = Collections.nCopies(n, CardSize.of(1, 1));
        List<GraphLayout.Link> links = new ArrayList<>();
        links.add(new GraphLayout.Link(0, 1, 0));
        for (int i = 2; i < n; i++) {
            links.add(new GraphLayout.Link(i - 1, i, 0));
            links.add(new GraphLayout.Link(0, i, 1));
        }
        GraphLayout.Result r = GraphLayout.layout(sizes, links, n - 1);
        assertLaidOut("a chain of 2,000", sizes, links, n - 1, r, false);
        // Each dummy adds at most two bends, each edge its two ends and two bends: at most 30 dummies a node.
        int points = r.routes().stream().mapToInt(List::size).sum();
        assertTrue(points <= 2 * (30 * n + 1000) + 4 * links.size(), points + " route points");
    }

    @Test
    void moreThanMaxNodesAreRefusedWithTheCountAndTheLimit() {
        assertNull(GraphLayout.refusal(GraphLayout.MAX_NODES));
        assertEquals("a graph of 20,000 nodes is more than the 10,000 the step-through view lays out",
                GraphLayout.refusal(20_000));
        List<GraphLayout.Size> sizes = Collections.nCopies(GraphLayout.MAX_NODES + 1, CardSize.of(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphLayout.layout(sizes, List.of(), -1));
        assertEquals("a graph of 10,001 nodes is more than the 10,000 the step-through view lays out", e.getMessage());
    }

    /**
     * A scalar network written out neuron by neuron: 3 inputs, two tanh layers of {@code width} neurons, one output
     * and a squared error; each neuron {@code tanh(w·a + w·b + … + bias)}, 7 + 11·width + width·(3·width + 5) nodes.
     */
    static String network(int width) {
        StringBuilder sb = new StringBuilder();
        List<String> previous = List.of("x1", "x2", "x3");
        for (int i = 0; i < previous.size(); i++) {
            sb.append("const ").append(previous.get(i)).append(" = 0.").append(i + 1).append('\n');
        }
        for (int layer = 1; layer <= 3; layer++) {
            List<String> next = new ArrayList<>();
            for (int u = 1; u <= (layer == 3 ? 1 : width); u++) {
                String unit = layer == 3 ? "y" : "h" + layer + "_" + u;
                StringBuilder sum = new StringBuilder();
                for (String in : previous) {
                    String w = "w" + layer + "_" + u + "_" + in;
                    sb.append("param ").append(w).append(" = 0.").append((u + in.length()) % 9 + 1).append('\n');
                    sum.append(w).append(" * ").append(in).append(" + ");
                }
                sb.append("param b").append(unit).append(" = 0.1\n");
                sum.append("b").append(unit);
                sb.append(unit).append(" = ").append(layer == 3 ? sum : "tanh(" + sum + ")").append('\n');
                next.add(unit);
            }
            previous = next;
        }
        return sb.append("loss L = (y - 1)^2\n").toString();
    }

    private static List<GraphLayout.Link> links(StepGraph g) {
        return g.edges().stream().map(e -> new GraphLayout.Link(e.from(), e.to(), e.inputIndex())).toList();
    }

    /** A card's box: left, top, right, bottom. */
    private record Box(double left, double top, double right, double bottom) {
    }

    /**
     * Every node placed inside the drawing; the cards in columns (one per layer, left-aligned), each column clear of
     * the next and its cards stacked without overlap; the leaves in the first column and the output alone in the
     * last; every route orthogonal, never going left, from the source's output port to the target's input port; and,
     * when {@code betweenCards}, no route through a card.
     */
    static void assertLaidOut(String name, List<GraphLayout.Size> sizes, List<GraphLayout.Link> links, int output,
                              GraphLayout.Result r, boolean betweenCards) {
        int n = sizes.size();
        assertEquals(n, r.positions().size(), name + ": nodes placed");
        assertEquals(links.size(), r.routes().size(), name + ": edges routed");
        TreeMap<Double, List<Box>> columns = new TreeMap<>();
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GraphLayout.Point p = r.positions().get(i);
            Box b = new Box(p.x(), p.y(), p.x() + sizes.get(i).width(), p.y() + sizes.get(i).height());
            assertTrue(b.left() >= 0 && b.top() >= 0 && b.right() <= r.width() && b.bottom() <= r.height(),
                    name + ": node " + i + " at " + b + " is outside " + r.width() + " × " + r.height());
            boxes.add(b);
            columns.computeIfAbsent(p.x(), x -> new ArrayList<>()).add(b);
        }
        double rightOfPrevious = Double.NEGATIVE_INFINITY;
        for (List<Box> column : columns.values()) {
            column.sort(Comparator.comparingDouble(Box::top));
            assertTrue(rightOfPrevious < column.get(0).left(), name + ": two columns overlap");
            for (int k = 1; k < column.size(); k++) {
                assertTrue(column.get(k - 1).bottom() <= column.get(k).top(),
                        name + ": " + column.get(k - 1) + " and " + column.get(k) + " overlap");
            }
            rightOfPrevious = column.stream().mapToDouble(Box::right).max().orElseThrow();
        }
        int[] inputs = new int[n];
        links.forEach(k -> inputs[k.to()]++);
        for (int i = 0; i < n; i++) {
            if (inputs[i] == 0) {
                assertEquals(columns.firstKey(), boxes.get(i).left(), name + ": leaf " + i + " is not in the first layer");
            }
            if (i != output && output >= 0) {
                assertTrue(boxes.get(i).left() < boxes.get(output).left(), name + ": " + i + " is not left of the output");
            }
        }
        for (int e = 0; e < links.size(); e++) {
            GraphLayout.Link k = links.get(e);
            Box from = boxes.get(k.from());
            Box to = boxes.get(k.to());
            assertTrue(from.left() < to.left(), name + ": edge " + k + " does not point right");
            List<GraphLayout.Point> route = r.routes().get(e);
            assertEquals(new GraphLayout.Point(from.right(), from.top() + sizes.get(k.from()).height() / 2),
                    route.get(0), name + ": edge " + k + " does not leave its source's output port");
            double port = to.top() + GraphLayout.inputY(sizes.get(k.to()).height(), k.inputIndex(), inputs[k.to()]);
            assertEquals(new GraphLayout.Point(to.left(), port), route.get(route.size() - 1),
                    name + ": edge " + k + " does not enter its input port");
            for (int s = 1; s < route.size(); s++) {
                GraphLayout.Point a = route.get(s - 1);
                GraphLayout.Point b = route.get(s);
                assertTrue(a.x() == b.x() || a.y() == b.y(), name + ": edge " + k + " has a slanted segment");
                assertTrue(a.x() <= b.x(), name + ": edge " + k + " goes left");
                if (betweenCards) {
                    assertClear(name, columns, k, a, b);
                }
            }
        }
    }

    /** No card's inside meets the segment from a to b (only the columns it spans are looked at). */
    private static void assertClear(String name, TreeMap<Double, List<Box>> columns, GraphLayout.Link k,
                                    GraphLayout.Point a, GraphLayout.Point b) {
        double top = Math.min(a.y(), b.y());
        double bottom = Math.max(a.y(), b.y());
        Double from = columns.floorKey(a.x());
        for (List<Box> column : columns.subMap(from == null ? a.x() : from, true, b.x(), false).values()) {
            int lo = 0;
            int hi = column.size();
            while (lo < hi) { // the first card whose bottom is below the segment's top
                int mid = (lo + hi) >>> 1;
                if (column.get(mid).bottom() <= top) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int c = lo; c < column.size() && column.get(c).top() < bottom; c++) {
                Box box = column.get(c);
                // Axis-parallel, so it meets the card's open inside exactly when the two spans overlap both ways.
                boolean inside = a.x() < box.right() && b.x() > box.left() && top < box.bottom() && bottom > box.top();
                assertTrue(!inside, name + ": edge " + k + " runs through the card at " + box);
            }
        }
    }
}
