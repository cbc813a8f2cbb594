package org.backproplab.drawing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of graphs too big for ELK ({@link GraphLayout#ELK_LIMIT}): the same picture in outline — leaves in the
 * first layer, the output alone in the last, every edge pointing right, the cards of a layer stacked without
 * overlap, inputs entering top to bottom in the op's order — in time about linear in the graph's size. ELK's layered
 * algorithm takes a quarter of a minute for 5,000 nodes and minutes for 20,000 (its crossing minimisation and node
 * placement grow faster than the graph); this does the classic steps once each, simply:
 * <ol>
 *   <li>layers by longest path from the leaves (the output moved to a layer of its own);</li>
 *   <li>a dummy item wherever an edge crosses a layer, so that long edges pass between cards, not through them
 *       (up to a budget: beyond it the longest edges are drawn straight across, see {@link #dummyBudget});</li>
 *   <li>order within each layer by barycenter sweeps, down and up, twice;</li>
 *   <li>y by passes, up and down, twice, that pull each item towards the ports it is wired to (an isotonic
 *       regression per layer keeps the order and the spacing); the last pass goes down from the leaves, so that
 *       each op ends up beside the params it uses; x by layer, cards left-aligned in their column;</li>
 *   <li>edges routed orthogonally: horizontal through the layers, vertical in the gaps between them.</li>
 * </ol>
 */
final class LayeredLayout {

    static final double PADDING = 16;
    /** Between two cards of one layer. */
    static final double NODE_GAP = 22;
    /** Between a card and an edge passing through its layer, or two such edges. */
    private static final double EDGE_GAP = 10;
    /** From one layer's right side to the next one's left: room for the vertical runs of the edges between. */
    private static final double LAYER_GAP = 60;
    private static final double TRACK_MARGIN = 14;
    /** Vertical runs in one gap are spread over this many tracks, so that fewer of them lie on top of each other. */
    private static final int TRACKS = 5;
    private static final double TRACK_STEP = (LAYER_GAP - 2 * TRACK_MARGIN) / (TRACKS - 1);
    private static final int ROUNDS = 2;

    private final int nodes;
    private final List<GraphLayout.Size> sizes;
    private final List<GraphLayout.Link> links;
    /** Per item (nodes first, then dummies): its layer, height (0 for a dummy) and place in its layer. */
    private int[] layer;
    private double[] height;
    private int[] pos;
    private double[] top;
    private int items;
    private int[][] layers;
    /** The dummies of link l are items firstDummy[l] … firstDummy[l] + span − 2; -1 when it is drawn straight. */
    private final int[] firstDummy;
    /** Segments between adjacent layers: item a (left) to item b (right), at port offsets from their tops. */
    private int[] segA;
    private int[] segB;
    private double[] offA;
    private double[] offB;
    private int segments;
    private int[] inStart;
    private int[] inSeg;
    private int[] outStart;
    private int[] outSeg;

    private LayeredLayout(List<GraphLayout.Size> sizes, List<GraphLayout.Link> links) {
        this.nodes = sizes.size();
        this.sizes = sizes;
        this.links = links;
        this.firstDummy = new int[links.size()];
    }

    /**
     * At most this many dummies: thirty per node, so that a pathological graph (a leaf feeding each op of a deep
     * chain has a number of crossings that grows with the square of the chain) stays small.
     */
    static int dummyBudget(int nodes) {
        return 30 * nodes + 1000;
    }

    static GraphLayout.Result layout(List<GraphLayout.Size> sizes, List<GraphLayout.Link> links, int output) {
        LayeredLayout l = new LayeredLayout(sizes, links);
        l.assignLayers(output);
        l.addDummies();
        l.connect();
        l.order();
        l.place();
        return l.result();
    }

    private void assignLayers(int output) {
        int[] inputs = new int[nodes];
        List<List<Integer>> consumers = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            consumers.add(new ArrayList<>(2));
        }
        for (GraphLayout.Link k : links) {
            inputs[k.to()]++;
            consumers.get(k.from()).add(k.to());
        }
        int[] nodeLayer = new int[nodes];
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < nodes; i++) {
            if (inputs[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) { // Kahn's order: a node's layer is one past its deepest input's
            int v = queue[head++];
            for (int c : consumers.get(v)) {
                nodeLayer[c] = Math.max(nodeLayer[c], nodeLayer[v] + 1);
                if (--inputs[c] == 0) {
                    queue[tail++] = c;
                }
            }
        }
        if (tail < nodes) {
            throw new IllegalArgumentException("the graph has a cycle: it cannot be laid out in layers");
        }
        if (output >= 0 && nodes > 1) {
            int deepest = 0;
            for (int i = 0; i < nodes; i++) {
                deepest = i == output ? deepest : Math.max(deepest, nodeLayer[i]);
            }
            nodeLayer[output] = Math.max(nodeLayer[output], deepest + 1);
        }
        layer = nodeLayer;
    }

    /** Dummies for the shortest edges first, while the budget lasts: so the fewest edges are drawn straight across. */
    private void addDummies() {
        Integer[] bySpan = new Integer[links.size()];
        for (int l = 0; l < bySpan.length; l++) {
            bySpan[l] = l;
        }
        Arrays.sort(bySpan, Comparator.comparingInt(this::span));
        int budget = dummyBudget(nodes);
        int count = 0;
        Arrays.fill(firstDummy, -1);
        for (int l : bySpan) {
            int extra = span(l) - 1;
            if (count + extra > budget) {
                break;
            }
            firstDummy[l] = nodes + count;
            count += extra;
        }
        items = nodes + count;
        layer = Arrays.copyOf(layer, items);
        height = new double[items];
        for (int i = 0; i < nodes; i++) {
            height[i] = sizes.get(i).height();
        }
        for (int l = 0; l < links.size(); l++) {
            for (int d = 0; firstDummy[l] >= 0 && d < span(l) - 1; d++) {
                layer[firstDummy[l] + d] = layer[links.get(l).from()] + 1 + d;
            }
        }
    }

    private int span(int link) {
        return layer[links.get(link).to()] - layer[links.get(link).from()];
    }

    /** The segments of every edge with dummies, and each item's segments to its left and to its right. */
    private void connect() {
        int[] inputCount = new int[nodes];
        int total = 0;
        for (int l = 0; l < links.size(); l++) {
            inputCount[links.get(l).to()]++;
            total += firstDummy[l] >= 0 ? span(l) : 0;
        }
        segA = new int[total];
        segB = new int[total];
        offA = new double[total];
        offB = new double[total];
        for (int l = 0; l < links.size(); l++) {
            if (firstDummy[l] < 0) {
                continue;
            }
            GraphLayout.Link k = links.get(l);
            int previous = k.from();
            double previousOffset = height[k.from()] / 2;
            for (int d = 0; d < span(l); d++) {
                boolean last = d == span(l) - 1;
                int next = last ? k.to() : firstDummy[l] + d;
                segA[segments] = previous;
                offA[segments] = previousOffset;
                segB[segments] = next;
                offB[segments] = last ? GraphLayout.inputY(height[next], k.inputIndex(), inputCount[next]) : 0;
                segments++;
                previous = next;
                previousOffset = 0;
            }
        }
        inStart = new int[items + 1];
        outStart = new int[items + 1];
        inSeg = new int[segments];
        outSeg = new int[segments];
        for (int s = 0; s < segments; s++) {
            inStart[segB[s] + 1]++;
            outStart[segA[s] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            inStart[i + 1] += inStart[i];
            outStart[i + 1] += outStart[i];
        }
        int[] inFill = Arrays.copyOf(inStart, items);
        int[] outFill = Arrays.copyOf(outStart, items);
        for (int s = 0; s < segments; s++) {
            inSeg[inFill[segB[s]]++] = s;
            outSeg[outFill[segA[s]]++] = s;
        }
    }

    /** Starts from the nodes' order (topological, as the lesson reads) and sweeps barycenters down and up. */
    private void order() {
        int deepest = 0;
        for (int i = 0; i < items; i++) {
            deepest = Math.max(deepest, layer[i]);
        }
        int[] count = new int[deepest + 1];
        for (int i = 0; i < items; i++) {
            count[layer[i]]++;
        }
        layers = new int[deepest + 1][];
        for (int l = 0; l <= deepest; l++) {
            layers[l] = new int[count[l]];
        }
        Arrays.fill(count, 0);
        pos = new int[items];
        for (int i = 0; i < items; i++) {
            pos[i] = count[layer[i]]++;
            layers[layer[i]][pos[i]] = i;
        }
        double[] key = new double[items];
        for (int round = 0; round < ROUNDS; round++) {
            for (int l = 1; l < layers.length; l++) {
                sortLayer(l, key, true);
            }
            for (int l = layers.length - 2; l >= 0; l--) {
                sortLayer(l, key, false);
            }
        }
    }

    /**
     * Sorts a layer by the mean relative place of its neighbours in the layer before ({@code fromLeft}) or after;
     * an item without such neighbours keeps its own relative place. Going up, a port's place within its card counts,
     * so that two nodes feeding one op end up in the order of its inputs.
     */
    private void sortLayer(int l, double[] key, boolean fromLeft) {
        int[] here = layers[l];
        int[] start = fromLeft ? inStart : outStart;
        int[] list = fromLeft ? inSeg : outSeg;
        for (int v : here) {
            double sum = 0;
            for (int k = start[v]; k < start[v + 1]; k++) {
                int s = list[k];
                int other = fromLeft ? segA[s] : segB[s];
                double within = fromLeft || height[other] == 0 ? 0.5 : offB[s] / height[other];
                sum += (pos[other] + within) / layers[layer[other]].length;
            }
            int degree = start[v + 1] - start[v];
            key[v] = degree > 0 ? sum / degree : (pos[v] + 0.5) / here.length;
        }
        Integer[] sorted = new Integer[here.length];
        for (int k = 0; k < here.length; k++) {
            sorted[k] = here[k];
        }
        Arrays.sort(sorted, Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> pos[v]));
        for (int k = 0; k < here.length; k++) {
            here[k] = sorted[k];
            pos[sorted[k]] = k;
        }
    }

    /** Stacks each layer, then pulls items towards their neighbours: up, down, up, down. */
    private void place() {
        top = new double[items];
        for (int[] here : layers) {
            double y = 0;
            for (int k = 0; k < here.length; k++) {
                y += k == 0 ? 0 : height[here[k - 1]] + gap(here[k - 1], here[k]);
                top[here[k]] = y;
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int l = layers.length - 2; l >= 0; l--) {
                align(layers[l], false);
            }
            for (int l = 1; l < layers.length; l++) {
                align(layers[l], true);
            }
        }
    }

    private double gap(int above, int below) {
        return above < nodes && below < nodes ? NODE_GAP : EDGE_GAP;
    }

    /**
     * Moves the items of one layer as near as they can get to where their wires come from, keeping their order and
     * gaps: with z = top − (the room the items above need), the order and gaps hold when z never decreases, and the
     * closest such z (least squares, weighted by the wires) is the pool-adjacent-violators regression of the wanted z.
     */
    private void align(int[] here, boolean fromLeft) {
        int m = here.length;
        int[] start = fromLeft ? inStart : outStart;
        int[] list = fromLeft ? inSeg : outSeg;
        double[] room = new double[m];
        double[] value = new double[m];
        double[] weight = new double[m];
        int[] size = new int[m];
        int blocks = 0;
        for (int k = 0; k < m; k++) {
            int v = here[k];
            room[k] = k == 0 ? 0 : room[k - 1] + height[here[k - 1]] + gap(here[k - 1], v);
            double sum = 0;
            for (int j = start[v]; j < start[v + 1]; j++) {
                int s = list[j];
                sum += fromLeft ? top[segA[s]] + offA[s] - offB[s] : top[segB[s]] + offB[s] - offA[s];
            }
            int degree = start[v + 1] - start[v];
            value[blocks] = (degree > 0 ? sum / degree : top[v]) - room[k];
            weight[blocks] = degree > 0 ? degree : 0.5;
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                double w = weight[blocks - 2] + weight[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1]) / w;
                weight[blocks - 2] = w;
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            for (int c = 0; c < size[b]; c++, k++) {
                top[here[k]] = value[b] + room[k];
            }
        }
    }

    private GraphLayout.Result result() {
        double shift = Double.MAX_VALUE;
        for (int i = 0; i < items; i++) {
            shift = Math.min(shift, top[i]);
        }
        double bottom = 0;
        for (int i = 0; i < items; i++) {
            top[i] += PADDING - shift;
            bottom = Math.max(bottom, top[i] + height[i]);
        }
        double[] x = new double[layers.length];
        double[] columnWidth = new double[layers.length];
        for (int i = 0; i < nodes; i++) {
            columnWidth[layer[i]] = Math.max(columnWidth[layer[i]], sizes.get(i).width());
        }
        for (int l = 0; l < layers.length; l++) {
            x[l] = l == 0 ? PADDING : x[l - 1] + columnWidth[l - 1] + LAYER_GAP;
        }
        List<GraphLayout.Point> positions = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            positions.add(new GraphLayout.Point(x[layer[i]], top[i]));
        }
        int[] inputCount = new int[nodes];
        for (GraphLayout.Link k : links) {
            inputCount[k.to()]++;
        }
        List<List<GraphLayout.Point>> routes = new ArrayList<>(links.size());
        for (int l = 0; l < links.size(); l++) {
            GraphLayout.Link k = links.get(l);
            int from = k.from();
            double y = top[from] + height[from] / 2;
            List<GraphLayout.Point> route = new ArrayList<>();
            route.add(new GraphLayout.Point(x[layer[from]] + sizes.get(from).width(), y));
            int span = span(l);
            for (int d = 0; d < span; d++) {
                boolean last = d == span - 1;
                if (!last && firstDummy[l] < 0) {
                    continue; // drawn straight across, at the source's height, to the gap before its target
                }
                int next = last ? k.to() : firstDummy[l] + d;
                double nextY = last ? top[next] + GraphLayout.inputY(height[next], k.inputIndex(), inputCount[next])
                        : top[next];
                if (nextY != y) {
                    int column = layer[from] + d;
                    int lane = (pos[next] + (last ? k.inputIndex() : 0)) % TRACKS;
                    double track = x[column] + columnWidth[column] + TRACK_MARGIN + lane * TRACK_STEP;
                    route.add(new GraphLayout.Point(track, y));
                    route.add(new GraphLayout.Point(track, nextY));
                    y = nextY;
                }
            }
            route.add(new GraphLayout.Point(x[layer[k.to()]], y));
            routes.add(List.copyOf(route));
        }
        double width = x[layers.length - 1] + columnWidth[layers.length - 1] + PADDING;
        return new GraphLayout.Result(width, bottom + PADDING, List.copyOf(positions), List.copyOf(routes));
    }
}
