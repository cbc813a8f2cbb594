package org.backproplab.stepper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;

/**
 * The unchanging part of what the stepper shows: the nodes of a lesson's graph in topological order, each with a
 * display name, its op and formula, its role and shape, and the edges from inputs to the nodes they feed.
 *
 * <p>Display names are unique: a node the lesson names keeps its name; an unnamed op node is called by its op
 * ({@code mul}); where two nodes would show the same name they get subscripts ({@code mul₁}, {@code mul₂}), so an
 * explanation never leaves in doubt which node it means. Inline literals ({@code 2}, {@code [2x3]}) keep their
 * text.
 */
public final class StepGraph {

    /** What a node is, for how its card looks. */
    public enum Role {
        /** A trainable leaf ({@code param}): the optimizer updates it. */
        PARAM,
        /** A leaf that is never updated: an input, a constant, a literal. */
        CONSTANT,
        /** A node computed by an op. */
        OPERATION
    }

    /**
     * One node.
     *
     * @param index   its place in topological order
     * @param name    the unique display name
     * @param op      the op's name ({@code add}, {@code matmul}), or {@code param} / {@code const} for a leaf
     * @param formula {@code name = a + b} for an op node, the name alone for a leaf
     * @param inputs  the indices of its inputs, in the op's order
     */
    public record Node(int index, String name, String op, String formula, Role role, boolean output, int rows,
                       int cols, List<Integer> inputs) {
        public boolean isScalar() {
            return rows == 1 && cols == 1;
        }

        public boolean isLeaf() {
            return role != Role.OPERATION;
        }
    }

    /** Input {@code inputIndex} of node {@code to} is node {@code from}. */
    public record Edge(int index, int from, int to, int inputIndex) {
    }

    private final List<Tensor> tensors;
    private final Map<Tensor, Integer> indexOf = new IdentityHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<Long, Edge> edgeByKey = new HashMap<>();
    private final int output;
    private final List<Integer> parameters;
    private final int backwardSteps;

    private StepGraph(List<Tensor> order, Tensor outputTensor) {
        this.tensors = List.copyOf(order);
        for (int i = 0; i < tensors.size(); i++) {
            indexOf.put(tensors.get(i), i);
        }
        List<String> names = displayNames(tensors);
        int steps = 1;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            List<Integer> inputs = t.inputs().stream().map(indexOf::get).toList();
            Role role = t.isLeaf() ? (t.isTrainable() ? Role.PARAM : Role.CONSTANT) : Role.OPERATION;
            String formula = names.get(i);
            if (!t.isLeaf()) {
                formula += " = " + t.op().formula(inputs.stream().map(names::get).toList());
                if (t.requiresGrad()) {
                    steps += (int) t.inputs().stream().filter(Tensor::requiresGrad).count();
                }
            }
            String op = t.isLeaf() ? (t.isTrainable() ? "param" : "const") : t.op().name();
            nodes.add(new Node(i, names.get(i), op, formula, role, t == outputTensor, t.rows(), t.cols(), inputs));
            for (int k = 0; k < inputs.size(); k++) {
                Edge e = new Edge(edges.size(), inputs.get(k), i, k);
                edges.add(e);
                edgeByKey.put(key(i, k), e);
            }
        }
        this.output = indexOf.get(outputTensor);
        this.parameters = nodes.stream().filter(n -> n.role() == Role.PARAM).map(Node::index).toList();
        this.backwardSteps = steps;
    }

    /** The graph of a compiled lesson. */
    public static StepGraph of(Lesson lesson) {
        return new StepGraph(lesson.graph().nodes(), lesson.output());
    }

    public List<Node> nodes() { return nodes; }

    public Node node(int index) { return nodes.get(index); }

    public List<Edge> edges() { return edges; }

    public int size() { return nodes.size(); }

    /** The index of the output node (the last one). */
    public int output() { return output; }

    /** The indices of the parameters, in topological order. */
    public List<Integer> parameters() { return parameters; }

    /** How many op nodes the forward phase computes. */
    public int forwardSteps() {
        return (int) nodes.stream().filter(n -> !n.isLeaf()).count();
    }

    /** How many steps the backward phase has: the seed plus one per input that receives a gradient. */
    public int backwardSteps() { return backwardSteps; }

    /** The engine node at {@code index}. */
    public Tensor tensor(int index) { return tensors.get(index); }

    /** The index of an engine node of this graph. */
    /** Whether the graph draws this tensor (a node the output does not use is not drawn). */
    public boolean contains(Tensor t) {
        return indexOf.containsKey(t);
    }

    public int indexOf(Tensor t) {
        Integer i = indexOf.get(t);
        if (i == null) {
            throw new IllegalArgumentException(t.label() + " is not a node of this graph");
        }
        return i;
    }

    /** The edge into node {@code to} from its input number {@code inputIndex}. */
    public Edge edge(int to, int inputIndex) {
        return edgeByKey.get(key(to, inputIndex));
    }

    private static long key(int to, int inputIndex) {
        return ((long) to << 16) | inputIndex;
    }

    private static List<String> displayNames(List<Tensor> tensors) {
        List<String> base = tensors.stream().map(StepGraph::baseName).toList();
        Map<String, Integer> total = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            if (!isLiteral(tensors.get(i))) {
                total.merge(base.get(i), 1, Integer::sum);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            String b = base.get(i);
            if (isLiteral(tensors.get(i)) || total.getOrDefault(b, 0) < 2) {
                names.add(b);
            } else {
                names.add(b + subscript(seen.merge(b, 1, Integer::sum)));
            }
        }
        return names;
    }

    private static String baseName(Tensor t) {
        return t.name() != null ? t.name() : t.isLeaf() ? "leaf" : t.op().name();
    }

    /** A literal written inline, which the compiler names by its text: {@code 2}, {@code -0.5}, {@code [2x3]}. */
    private static boolean isLiteral(Tensor t) {
        if (!t.isLeaf() || t.name() == null || t.name().isEmpty()) {
            return false;
        }
        char c = t.name().charAt(0);
        return Character.isDigit(c) || c == '-' || c == '[' || c == '.';
    }

    /** 12 → ₁₂. */
    static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append((char) ('₀' + (c - '0')));
        }
        return sb.toString();
    }
}
