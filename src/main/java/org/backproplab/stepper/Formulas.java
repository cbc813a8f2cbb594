package org.backproplab.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Binary;
import org.backproplab.engine.LocalDerivative;
import org.backproplab.engine.PassEvent;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.GradientClipping;
import org.backproplab.nn.ParameterUpdate;
import org.backproplab.nn.OptimizerKind;

/**
 * Writes the explanation of each step from the engine's events, in symbols. The numbers are the events' own;
 * nothing is recomputed here, only written down. The notes in words say "loss" only where the lesson has one
 * ({@link Minimised}), and say why a constant gets a gradient that no update uses.
 */
final class Formulas {

    private final StepGraph graph;
    private final Minimised minimised;

    Formulas(StepGraph graph, Minimised minimised) {
        this.graph = graph;
        this.minimised = minimised;
    }

    private String name(int index) {
        return graph.node(index).name();
    }

    private String name(Tensor t) {
        return name(graph.indexOf(t));
    }

    private String outputName() {
        return name(graph.output());
    }

    /** Before the first step of the first iteration. */
    Explanation ready(int iteration) {
        return Explanation.of(List.of(), iteration == 1 ? "explain.ready" : "explain.ready.next",
                Integer.toString(iteration));
    }

    /** {@code q = x + y = -2 + 5 = 3}, given the inputs' values as they are when the node is computed. */
    Explanation forward(PassEvent.ForwardStep e, Snapshot[] values) {
        int i = graph.indexOf(e.node());
        StepGraph.Node node = graph.node(i);
        Tensor t = e.node();
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < node.inputs().size(); k++) {
            Snapshot in = values[node.inputs().get(k)];
            shown.add(in == null ? "?" : inputText(t, k, in));
        }
        String line = node.formula() + " = " + t.op().formula(shown) + " = " + Texts.value(e.value());
        List<String> lines = new ArrayList<>(List.of(line));
        if (!e.value().isScalar()) {
            lines.add(node.name() + " : " + Texts.shape(node.rows(), node.cols()));
        }
        return Explanation.of(lines, "explain.forward", node.name(), node.op());
    }

    /** A negative number as the second operand, or under a minus or a power, goes in parentheses. */
    private static String inputText(Tensor t, int k, Snapshot in) {
        boolean paren = t.op() instanceof Binary b && b.kind().infix() && k == 1
                || t.op() instanceof Unary u && (u.kind() == Unary.Kind.NEG || u.kind() == Unary.Kind.POW);
        return paren ? Texts.factor(in) : Texts.value(in);
    }

    /** {@code ∂f/∂f = 1}. */
    Explanation seed(PassEvent.GradientSeed e) {
        String out = outputName();
        String line = Texts.partial(out, out) + " = " + Texts.value(e.gradient());
        return Explanation.of(List.of(line),
                minimised.key(e.gradient().isScalar() ? "explain.seed" : "explain.seed.matrix"), out);
    }

    /** {@code ∂f/∂q += ∂f/∂f · ∂f/∂q = 1 × (-4) = -4}, the local derivative, and the sum where gradients add up. */
    Explanation backward(PassEvent.BackwardStep e) {
        String out = outputName();
        String c = name(e.node());
        String a = name(e.input());
        String dLdc = Texts.partial(out, c);
        String dcda = Texts.partial(c, a);
        String dLda = Texts.partial(out, a);
        LocalDerivative local = e.local();
        Snapshot up = e.upstream();
        Snapshot contribution = e.contribution();
        List<String> lines = new ArrayList<>();
        switch (local.kind()) {
            case ELEMENTWISE -> {
                boolean summed = up.rows() != contribution.rows() || up.cols() != contribution.cols();
                String sigma = summed ? "Σ " : "";
                Snapshot lv = local.value();
                if (up.isScalar() && lv != null && lv.isScalar()) {
                    lines.add(dLda + " += " + dLdc + " · " + dcda + " = " + Texts.factor(up) + " × "
                            + Texts.factor(lv) + " = " + Texts.value(contribution));
                } else {
                    lines.add(dLda + " += " + sigma + dLdc + " ⊙ " + dcda + " = " + sigma + Texts.value(up) + " ⊙ "
                            + (lv == null ? "…" : Texts.value(lv)) + " = " + Texts.value(contribution));
                }
                lines.add(local(e));
            }
            case TIMES_RIGHT -> lines.add(dLda + " += " + dLdc + " · " + local.formula() + " = " + Texts.value(up)
                    + " · " + Texts.value(local.value()) + " = " + Texts.value(contribution));
            case TIMES_LEFT -> lines.add(dLda + " += " + local.formula() + " · " + dLdc + " = "
                    + Texts.value(local.value()) + " · " + Texts.value(up) + " = " + Texts.value(contribution));
            case FORMULA -> {
                lines.add(dLda + " += " + dLdc + " · " + dcda + " = " + Texts.value(contribution));
                lines.add(local.formula());
            }
        }
        // A constant's gradient is computed like any other, but no update uses it: its note says so, and why.
        boolean constant = graph.node(graph.indexOf(e.input())).role() == StepGraph.Role.CONSTANT;
        if (e.accumulated()) {
            lines.add(dLda + " = " + Texts.value(e.gradientBefore()) + " + " + Texts.factor(contribution) + " = "
                    + Texts.value(e.gradientAfter()));
            String before = Texts.value(e.gradientBefore());
            String after = Texts.value(e.gradientAfter());
            return constant ? Explanation.of(lines, "explain.backward.accumulated.constant", c, a, before, after, out)
                    : Explanation.of(lines, "explain.backward.accumulated", c, a, before, after);
        }
        return constant ? Explanation.of(lines, "explain.backward.first.constant", c, a, out)
                : Explanation.of(lines, "explain.backward.first", c, a);
    }

    /** The local derivative of one backward step: {@code ∂f/∂q = z = -4}, or its formula where it is no matrix. */
    String local(PassEvent.BackwardStep e) {
        String dcda = Texts.partial(name(e.node()), name(e.input()));
        LocalDerivative local = e.local();
        String formula = local.formula();
        int cut = formula.indexOf(", summed over");
        if (cut >= 0) {
            formula = formula.substring(0, cut);
        }
        if (local.kind() == LocalDerivative.Kind.FORMULA) {
            return dcda + ": " + formula;
        }
        String line = dcda + " = " + formula;
        Snapshot lv = local.value();
        if (lv != null && !formula.equals(Texts.value(lv))) {
            line += " = " + Texts.value(lv);
        }
        return line;
    }

    /**
     * What clipping did before the update, in symbols: by norm, {@code ‖g‖ = 5.2 > 1: g ← g × 1 / 5.2 = g × 0.1923}
     * (or {@code ‖g‖ = 0.5 ≤ 1: unchanged}); by value, {@code g ← clip(g, −1, 1): ‖g‖ 5.2 → 1.6}. The gradient in
     * the update's formula is then the clipped one: it is the optimizer's own.
     */
    private static List<String> clipping(Clipping clipping, GradientClipping.Report r) {
        if (r == null || clipping.mode() == Clipping.Mode.NONE) {
            return List.of();
        }
        String max = Texts.number(clipping.threshold());
        String before = Texts.number(r.normBefore());
        if (clipping.mode() == Clipping.Mode.NORM) {
            return List.of(r.clipped() ? "‖g‖ = " + before + " > " + max + ": g ← g × " + max + " / " + before + " = g × "
                    + Texts.number(clipping.threshold() / r.normBefore()) : "‖g‖ = " + before + " ≤ " + max + ": g unchanged");
        }
        return List.of("g ← clip(g, −" + max + ", " + max + "): ‖g‖ " + before + " → " + Texts.number(r.normAfter()));
    }

    /** {@code w ← w − η·∂L/∂w = 2 − 0.1 × (-0.1966) = 2.02}, or the optimizer's own rule. */
    Explanation update(ParameterUpdate u, OptimizerKind optimizer, Clipping clipping, GradientClipping.Report clipped) {
        String w = name(u.parameter());
        String dLdw = Texts.partial(outputName(), w);
        String eta = Texts.number(u.learningRate());
        List<String> lines = new ArrayList<>(clipping(clipping, clipped));
        if (optimizer == OptimizerKind.SGD) {
            lines.add(w + " ← " + w + " − η·" + dLdw + " = " + Texts.value(u.before()) + " − " + eta + " × "
                    + Texts.factor(u.gradient()) + " = " + Texts.value(u.after()));
            return Explanation.of(lines, minimised.key("explain.update.sgd"), w, eta, outputName());
        }
        // One equation a line: written on one line, Adam's three wrapped badly at the panel's edge.
        lines.addAll(List.of(u.rule().split(";\\s+")));
        lines.add("g = " + dLdw + " = " + Texts.valueAndSize(u.gradient()) + ",  η = " + eta);
        for (Map.Entry<String, Snapshot> s : u.state().entrySet()) {
            String symbol = s.getKey().substring(s.getKey().lastIndexOf(' ') + 1);
            lines.add(symbol + " = " + Texts.valueAndSize(s.getValue()));
        }
        lines.add(w + ": " + Texts.value(u.before()) + " → " + Texts.value(u.after()) + (Texts.writtenOut(u.before())
                ? "" : ",  max |Δ" + w + "| = " + Texts.largestChange(u.before(), u.after())));
        return Explanation.of(lines, minimised.key("explain.update.rule"), w, eta, optimizer.id(), outputName());
    }
}
