package org.backproplab.drawing;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.stepper.StepGraph;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a graph out left to right in layers with Eclipse ELK's layered (Sugiyama) algorithm: the leaves in the
 * first layer, the output in the last, every edge pointing right, node order chosen for few crossings, edges routed
 * orthogonally around the cards. A node's inputs enter its left side top to bottom in the op's order (a above b in
 * {@code a − b}); its output leaves the middle of its right side. Pure Java: the view only draws the result.
 *
 * <p>ELK's time grows faster than the graph (about 0.1 s for 200 nodes, 15–20 s for 5,000), so a graph of more than
 * {@link #ELK_LIMIT} nodes is laid out by this project's own simpler layered layout ({@link LayeredLayout}: the same
 * picture in outline, in time about linear in the graph), and one of more than {@link #MAX_NODES} not at all: a card
 * per node is more than a window can draw and more than anyone can read.
 */
public final class GraphLayout {

    /** A card's size. */
    public record Size(double width, double height) {
    }

    /** A point in layout coordinates (origin top left, y down). */
    public record Point(double x, double y) {
    }

    /** An edge from node {@code from} into input {@code inputIndex} of node {@code to}. */
    public record Link(int from, int to, int inputIndex) {
    }

    /**
     * Where everything goes.
     *
     * @param positions each node's top-left corner
     * @param routes    each edge's polyline, from the source's right side to the target's left side
     */
    public record Result(double width, double height, List<Point> positions, List<List<Point>> routes) {
    }

    /** The most nodes laid out by ELK; every shipped lesson is far below it, so each looks as it always has. */
    public static final int ELK_LIMIT = 500;
    /** The most nodes laid out at all (see {@link #refusal}). */
    public static final int MAX_NODES = 10_000;

    private static final double PORT = 1;

    private GraphLayout() {
    }

    /**
     * Why a graph of this many nodes is not laid out — {@code "a graph of 20,003 nodes is more than the 10,000 the
     * step-through view lays out"} — or null when it is.
     */
    public static String refusal(int nodes) {
        return nodes <= MAX_NODES ? null : String.format(java.util.Locale.ROOT,
                "a graph of %,d nodes is more than the %,d the step-through view lays out", nodes, MAX_NODES);
    }

    /**
     * Lays out nodes of the given sizes; {@code output} (or -1) goes into the last layer. Throws an
     * {@link IllegalArgumentException} saying so (see {@link #refusal}) for more than {@link #MAX_NODES} nodes.
     */
    public static Result layout(List<Size> sizes, List<Link> links, int output) {
        String refusal = refusal(sizes.size());
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return sizes.size() <= ELK_LIMIT ? elk(sizes, links, output) : LayeredLayout.layout(sizes, links, output);
    }

    private static Result elk(List<Size> sizes, List<Link> links, int output) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 44.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(16));
        root.setProperty(LayeredOptions.THOROUGHNESS, 7);

        int[] inputsOf = new int[sizes.size()];
        for (Link l : links) {
            inputsOf[l.to()]++;
        }
        List<ElkNode> nodes = new ArrayList<>();
        List<ElkPort> outPorts = new ArrayList<>();
        List<ElkPort[]> inPorts = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            Size s = sizes.get(i);
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(s.width(), s.height());
            n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            if (inputsOf[i] == 0) {
                n.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.FIRST);
            } else if (i == output) {
                n.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.LAST);
            }
            ElkPort out = ElkGraphUtil.createPort(n);
            out.setDimensions(PORT, PORT);
            out.setLocation(s.width(), s.height() / 2 - PORT / 2);
            out.setProperty(CoreOptions.PORT_SIDE, PortSide.EAST);
            outPorts.add(out);
            ElkPort[] ins = new ElkPort[inputsOf[i]];
            for (int k = 0; k < ins.length; k++) {
                ElkPort p = ElkGraphUtil.createPort(n);
                p.setDimensions(PORT, PORT);
                p.setLocation(-PORT, inputY(s.height(), k, ins.length) - PORT / 2);
                p.setProperty(CoreOptions.PORT_SIDE, PortSide.WEST);
                ins[k] = p;
            }
            inPorts.add(ins);
            nodes.add(n);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link l : links) {
            edges.add(ElkGraphUtil.createSimpleEdge(outPorts.get(l.from()), inPorts.get(l.to())[l.inputIndex()]));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Point> positions = nodes.stream().map(n -> new Point(n.getX(), n.getY())).toList();
        List<List<Point>> routes = new ArrayList<>();
        for (ElkEdge e : edges) {
            List<Point> route = new ArrayList<>();
            for (ElkEdgeSection section : e.getSections()) {
                route.add(new Point(section.getStartX(), section.getStartY()));
                for (ElkBendPoint b : section.getBendPoints()) {
                    route.add(new Point(b.getX(), b.getY()));
                }
                route.add(new Point(section.getEndX(), section.getEndY()));
            }
            routes.add(List.copyOf(route));
        }
        return new Result(root.getWidth(), root.getHeight(), positions, routes);
    }

    /** Where input {@code k} of {@code count} enters a card of this height: spread evenly down its left side. */
    public static double inputY(double height, int k, int count) {
        return height * (k + 1) / (count + 1);
    }

    /** The layout of a stepper graph, with each node's size given by {@code size}. */
    public static Result layout(StepGraph graph, java.util.function.Function<StepGraph.Node, Size> size) {
        List<Size> sizes = graph.nodes().stream().map(size).toList();
        List<Link> links = graph.edges().stream().map(e -> new Link(e.from(), e.to(), e.inputIndex())).toList();
        return layout(sizes, links, graph.output());
    }
}
