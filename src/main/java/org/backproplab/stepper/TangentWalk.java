package org.backproplab.stepper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backproplab.engine.Buffer;
import org.backproplab.engine.ForwardMode;
import org.backproplab.engine.PassEvent;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;

/**
 * Forward-mode automatic differentiation stepped like the reverse mode is: one pass per input, each carrying that
 * input's tangent (the seed 1, every other leaf's 0) through the nodes in order, so that every node shows its value
 * and ∂node/∂input; after the last pass, the output's derivatives of all the passes beside reverse mode's gradients
 * from one backward pass. The inputs are the lesson's params, or all its leaves when it has none; a matrix input is
 * nudged along all ones (its tangent then sums the partials over its elements, as the summed gradient does).
 *
 * <p>Every number is the engine's: the passes are {@link Lesson#tangents}' events, recorded once; stepping replays
 * them. For a scalar node of scalar inputs the explanation writes the sum ṫ(node) = Σ ∂node/∂input_k · ṫ(input_k)
 * with each partial taken from the op's own tangent rule (one unit seed per input).
 */
public final class TangentWalk {

    /** One step of a pass: the engine's event, and for a scalar node of scalar inputs its partials, else null. */
    private record Step(PassEvent event, double[] partials) {
    }

    private final StepGraph graph;
    private final List<Integer> inputs = new ArrayList<>();
    private final List<List<Step>> passes = new ArrayList<>();
    /** Per input, the sum of its gradient's elements from one backward pass: what its pass's ṫ(output) must equal. */
    private final List<Double> reverse = new ArrayList<>();
    private final Snapshot[] leaves;
    /** Where the walk is: -1 before the first step; the last index is the summary after the last pass. */
    private int at = -1;
    private final int last;

    /** Records every pass on {@code lesson} (freshly compiled: its values are the lesson's own). */
    public TangentWalk(Lesson lesson) {
        this.graph = StepGraph.of(lesson);
        List<Tensor> chosen = lesson.parameters().isEmpty()
                ? graph.nodes().stream().filter(StepGraph.Node::isLeaf).map(n -> graph.tensor(n.index())).toList()
                : lesson.parameters();
        leaves = new Snapshot[graph.size()];
        lesson.forward();
        for (StepGraph.Node n : graph.nodes()) {
            if (n.isLeaf()) {
                leaves[n.index()] = graph.tensor(n.index()).snapshot();
            }
        }
        for (Tensor input : chosen) {
            List<Step> steps = new ArrayList<>();
            lesson.tangents(input, ForwardMode.ones(input), e -> {
                if (!(e instanceof PassEvent.TangentStep t) || graph.contains(t.node())) { // only what is drawn
                    steps.add(new Step(e, partials(e)));
                }
            });
            inputs.add(graph.indexOf(input));
            passes.add(steps);
        }
        lesson.zeroGrad();
        lesson.backward();
        for (Tensor input : chosen) {
            double sum = 0;
            for (double g : input.gradSnapshot().values()) {
                sum += g;
            }
            reverse.add(sum);
        }
        last = passes.stream().mapToInt(List::size).sum();
    }

    /** ∂node/∂input_k for each input k, by the op's tangent rule with a unit seed on input k alone. */
    private static double[] partials(PassEvent e) {
        if (!(e instanceof PassEvent.TangentStep s) || !s.node().isScalar()
                || s.node().inputs().stream().anyMatch(t -> !t.isScalar())) {
            return null;
        }
        Tensor node = s.node();
        double[] partials = new double[node.inputs().size()];
        for (int k = 0; k < partials.length; k++) {
            List<Buffer> seeds = new ArrayList<>();
            for (int j = 0; j < partials.length; j++) {
                Buffer b = Buffer.zeros(node.dtype(), 1);
                b.set(0, j == k ? 1 : 0);
                seeds.add(b);
            }
            Buffer out = Buffer.zeros(node.dtype(), 1);
            node.op().tangent(node, seeds, out);
            partials[k] = out.get(0);
        }
        return partials;
    }

    public StepGraph graph() { return graph; }

    /** The inputs' graph indices, one pass each, in order. */
    public List<Integer> inputs() { return List.copyOf(inputs); }

    public TangentFrame frame() { return frameAt(at); }

    public TangentFrame step() {
        at = Math.min(at + 1, last);
        return frame();
    }

    public TangentFrame stepBack() {
        at = Math.max(at - 1, -1);
        return frame();
    }

    public TangentFrame reset() {
        at = -1;
        return frame();
    }

    /** True after the summary: Step has nothing more to show. */
    public boolean isDone() { return at == last; }

    private TangentFrame frameAt(int index) {
        int n = graph.size();
        int passCount = passes.size();
        if (index == last) { // the summary, over the end of the last pass
            TangentFrame end = frameAt(last - 1);
            return new TangentFrame(end.pass(), passCount, end.input(), end.position(), end.count(), end.values(),
                    end.tangents(), -1, Set.of(), summary(), true, true);
        }
        if (index < 0) {
            Explanation e = Explanation.of(List.of("ṫ = ∂·/∂" + inputNames()), "explain.tangent.ready",
                    Integer.toString(passCount), inputNames());
            return new TangentFrame(1, passCount, inputs.isEmpty() ? -1 : inputs.get(0), 0,
                    passes.isEmpty() ? 0 : passes.get(0).size() - 1, leaves.clone(), new Snapshot[n], -1, Set.of(), e,
                    false, false);
        }
        int pass = 0;
        int cursor = index;
        while (cursor >= passes.get(pass).size()) {
            cursor -= passes.get(pass).size();
            pass++;
        }
        List<Step> steps = passes.get(pass);
        int input = inputs.get(pass);
        String inputName = graph.node(input).name();
        Snapshot[] values = leaves.clone();
        Snapshot[] tangents = new Snapshot[n];
        Explanation explanation = null;
        int active = -1;
        Set<Integer> edges = new HashSet<>();
        for (int k = 0; k <= cursor; k++) {
            Step s = steps.get(k);
            if (s.event() instanceof PassEvent.TangentSeed seed) {
                for (StepGraph.Node node : graph.nodes()) {
                    if (node.isLeaf()) {
                        tangents[node.index()] = node.index() == input ? seed.direction()
                                : new Snapshot(node.rows(), node.cols(), new double[node.rows() * node.cols()]);
                    }
                }
                if (k == cursor) {
                    active = input;
                    explanation = Explanation.of(List.of("ṫ(" + inputName + ") = " + Texts.value(seed.direction())
                                    + ",  ṫ(…) = 0"), "explain.tangent.seed", Integer.toString(pass + 1),
                            Integer.toString(passes.size()), inputName);
                }
            } else {
                PassEvent.TangentStep t = (PassEvent.TangentStep) s.event();
                int i = graph.indexOf(t.node());
                values[i] = t.value();
                tangents[i] = t.tangent();
                if (k == cursor) {
                    active = i;
                    int to = i;
                    graph.edges().stream().filter(e -> e.to() == to).forEach(e -> edges.add(e.index()));
                    explanation = stepExplanation(t, s.partials(), tangents, inputName, k == steps.size() - 1,
                            pass);
                }
            }
        }
        return new TangentFrame(pass + 1, passes.size(), input, cursor, steps.size() - 1, values, tangents, active,
                edges, explanation, false, true);
    }

    private Explanation stepExplanation(PassEvent.TangentStep t, double[] partials, Snapshot[] tangents,
                                        String inputName, boolean endOfPass, int pass) {
        int i = graph.indexOf(t.node());
        StepGraph.Node node = graph.node(i);
        List<String> lines = new ArrayList<>();
        if (partials != null) {
            StringBuilder symbols = new StringBuilder("ṫ(" + node.name() + ") = ");
            StringBuilder numbers = new StringBuilder();
            for (int k = 0; k < partials.length; k++) {
                String in = graph.node(node.inputs().get(k)).name();
                symbols.append(k == 0 ? "" : " + ").append(Texts.partial(node.name(), in)).append("·ṫ(").append(in)
                        .append(')');
                numbers.append(k == 0 ? "" : " + ").append(Texts.factor(partials[k])).append(" × ")
                        .append(Texts.factor(tangents[node.inputs().get(k)]));
            }
            lines.add(symbols + " = " + numbers + " = " + Texts.value(t.tangent()));
        } else {
            lines.add("ṫ(" + node.name() + ") = Σₖ " + Texts.partial(node.name(), "inputₖ") + "·ṫ(inputₖ) = "
                    + Texts.value(t.tangent()));
        }
        if (endOfPass) {
            String out = graph.node(graph.output()).name();
            lines.add(Texts.partial(out, inputName) + " = ṫ(" + out + ") = "
                    + Texts.value(tangents[graph.output()]));
            return new Explanation(lines, "explain.tangent.passDone", List.of(out, inputName,
                    Integer.toString(pass + 1), Integer.toString(passes.size())));
        }
        return Explanation.of(lines, "explain.tangent.step", node.name(), inputName);
    }

    /** Each pass's ∂output/∂input beside reverse mode's gradient of the same input: the same numbers. */
    private Explanation summary() {
        String out = graph.node(graph.output()).name();
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < passes.size(); p++) {
            List<Step> steps = passes.get(p);
            Snapshot tangent = lastTangentOf(steps, graph.tensor(graph.output()));
            String name = graph.node(inputs.get(p)).name();
            lines.add(Texts.partial(out, name) + " = ṫ(" + out + ") = " + (tangent == null ? "?" : Texts.value(tangent))
                    + "      ∇" + out + "[" + name + "] = " + Texts.number(reverse.get(p)));
        }
        return new Explanation(lines, "explain.tangent.done", List.of(Integer.toString(passes.size()), out));
    }

    private static Snapshot lastTangentOf(List<Step> steps, Tensor node) {
        for (int k = steps.size() - 1; k >= 0; k--) {
            if (steps.get(k).event() instanceof PassEvent.TangentStep t && t.node() == node) {
                return t.tangent();
            }
        }
        return null;
    }

    private String inputNames() {
        return String.join(", ", inputs.stream().map(i -> graph.node(i).name()).toList());
    }
}
