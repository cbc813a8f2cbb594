package org.backproplab.lesson;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backproplab.engine.ForwardMode;
import org.backproplab.engine.Graph;
import org.backproplab.engine.PassListener;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.TrainingStep;

/**
 * A compiled lesson: the engine graph its statements built, which node is the output, which leaves are
 * parameters, what each name is bound to (its latest binding), and for every node the statement and the piece of
 * source that made it, so a view can highlight the text of the node it shows.
 *
 * <p>Values are computed when the lesson is compiled; {@link #forward()}, {@link #zeroGrad()} and
 * {@link #backward()} run the passes, and {@link #tangents} the forward-mode one. Nodes that the output does not depend on (a name bound after the loss,
 * to look at) are recomputed by {@link #forward()} too; backprop never reaches them, so their gradient stays 0,
 * which is what ∂loss/∂node is for a node the loss does not use.
 */
public final class Lesson {

    /** Where a node came from: the index of its statement in {@link #statements()} and its expression's span. */
    public record Origin(int statement, Span span) {
    }

    private final String fileName;
    private final String source;
    private final List<Statement> statements;
    private final List<Tensor> nodes;
    private final Map<Tensor, Origin> origins;
    private final List<Tensor> parameters;
    private final Map<String, Tensor> bindings;
    private final Tensor output;
    private final String outputName;
    private final boolean hasLoss;
    private final Graph graph;
    private final List<Tensor> detached;
    private final TrainingStep.Objective objective = new LessonObjective();
    private final LessonData data;

    Lesson(String fileName, String source, List<Statement> statements, List<Tensor> nodes,
            Map<Tensor, Origin> origins, List<Tensor> parameters, Map<String, Tensor> bindings, Tensor output,
            String outputName, boolean hasLoss, LessonData data) {
        this.data = data;
        this.fileName = fileName;
        this.source = source;
        this.statements = List.copyOf(statements);
        this.nodes = List.copyOf(nodes);
        this.origins = new IdentityHashMap<>(origins);
        this.parameters = List.copyOf(parameters);
        this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        this.output = output;
        this.outputName = outputName;
        this.hasLoss = hasLoss;
        this.graph = Graph.of(output);
        Set<Tensor> inGraph = Collections.newSetFromMap(new IdentityHashMap<>());
        inGraph.addAll(graph.nodes());
        this.detached = this.nodes.stream().filter(t -> !t.isLeaf() && !inGraph.contains(t)).toList();
    }

    /**
     * Parses and compiles lesson text.
     *
     * @param source the text of a {@code .bp} file
     * @param fileName the name used in diagnostics
     * @throws LessonException for every syntax error, or the first compile error, with file:line:col
     */
    public static Lesson compile(String source, String fileName) throws LessonException {
        return Compiler.compile(source, fileName);
    }

    /**
     * Compiles lesson text with some of its leaves given from code: a {@code param} or {@code const} whose name is a
     * key of {@code leaves} takes that tensor (its value and shape) instead of its literal. A lab uses it to evaluate
     * one expression over a whole grid of points at once, as matrices, without writing them out as text; the
     * limits on a lesson's sizes still hold.
     */
    public static Lesson compile(String source, String fileName, Map<String, Tensor> leaves) throws LessonException {
        return Compiler.compile(source, fileName, Map.copyOf(leaves));
    }

    /**
     * Compiles lesson text with the numbers beside it: {@code data(rows, cols)} statements take theirs from
     * {@code data}, and every leaf is made in its precision.
     */
    public static Lesson compile(String source, String fileName, LessonData data) throws LessonException {
        return Compiler.compile(source, fileName, Map.of(), data);
    }

    /** The numbers beside the text ({@link LessonData#NONE} for a lesson written by hand). */
    public LessonData data() { return data; }

    public String fileName() { return fileName; }

    public String source() { return source; }

    public List<Statement> statements() { return statements; }

    /** The graph of the output: every node it depends on, in topological order. */
    public Graph graph() { return graph; }

    /** The node backprop starts from: the loss, or the last statement's node when there is no loss statement. */
    public Tensor output() { return output; }

    /** The name the output is bound to. */
    public String outputName() { return outputName; }

    /** True when a {@code loss} statement chose the output. */
    public boolean hasLossStatement() { return hasLoss; }

    /** The leaves declared with {@code param}, in the order of the file: what training updates. */
    public List<Tensor> parameters() { return parameters; }

    /** Each bound name and its latest binding, in the order names were first bound. */
    public Map<String, Tensor> bindings() { return bindings; }

    /** What {@code name} is bound to at the end of the lesson. */
    public Optional<Tensor> tensor(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** Every node the lesson built, literals included, in the order they were built (a topological order). */
    public List<Tensor> nodes() { return nodes; }

    /** Where {@code node} came from, if this lesson built it. */
    public Optional<Origin> origin(Tensor node) {
        return Optional.ofNullable(origins.get(node));
    }

    /** The statement that built {@code node}, if this lesson built it. */
    public Optional<Statement> statementOf(Tensor node) {
        return origin(node).map(o -> statements.get(o.statement()));
    }

    /** Recomputes every node from the leaves' current values. */
    public void forward() {
        objective.forward(null);
    }

    /** Zeroes every gradient, the leaves' included (gradients accumulate until zeroed). */
    public void zeroGrad() {
        for (Tensor t : nodes) {
            t.zeroGrad();
        }
    }

    /** Backprop from the output, seeded with 1. */
    public void backward() {
        graph.backward();
    }

    /**
     * Forward mode: one forward pass over every node of the lesson (those the output does not use too), carrying each
     * node's tangent along {@code direction} of {@code leaf} (see {@link ForwardMode}); the values come out as
     * {@link #forward()} leaves them.
     *
     * @param listener told of the seed and of each node, value and tangent, or null
     */
    public ForwardMode.Tangents tangents(Tensor leaf, Snapshot direction, PassListener listener) {
        return ForwardMode.run(nodes, leaf, direction, listener);
    }

    /**
     * What a {@link TrainingStep} trains on this lesson: the graph's passes, with the nodes that do not feed the
     * output recomputed after each forward pass and every node's gradient zeroed.
     */
    public TrainingStep.Objective objective() {
        return objective;
    }

    /** The graph's passes, the detached nodes recomputed after forward, every node's gradient zeroed. */
    private final class LessonObjective implements TrainingStep.Objective {
        @Override
        public void forward(PassListener listener) {
            graph.forward(listener);
            for (Tensor t : detached) {
                t.op().forward(t);
            }
        }

        @Override
        public Tensor output() {
            return output;
        }

        @Override
        public void zeroGrad() {
            Lesson.this.zeroGrad();
        }

        @Override
        public void backward(PassListener listener) {
            graph.backward(listener);
        }
    }
}
