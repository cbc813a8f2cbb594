package org.backproplab.stepper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.DType;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;

/**
 * What the inspector shows about one node at one step: its op and formula, value and gradient as shown, the local
 * derivatives backward used for each of its inputs, what its op saved for backward, and, for a param, a numeric
 * gradient check. The check runs on a fresh copy of the lesson set to the iteration's starting values, so it never
 * disturbs the graph being stepped and checks exactly the gradient the backward phase shows.
 *
 * @param locals   one line per input: {@code ∂f/∂q = z = -4}, or empty before backward got there
 * @param saved    what forward remembered, by name (empty for leaves)
 * @param check    the gradient check of a param (in float64), or null for other nodes and params of more than
 *                 {@link #CHECK_LIMIT} numbers
 */
public record Inspection(StepGraph.Node node, Snapshot value, Snapshot gradient, List<String> locals,
                         Map<String, Snapshot> saved, GradientCheck.Result check) {

    /**
     * The largest param the inspector checks: a check takes two forward passes per number, and W1 of an MNIST
     * network (7,840 numbers, 15,680 passes) would hold the window for a second. Bigger params are checked by the
     * tests, not on a click.
     */
    public static final int CHECK_LIMIT = 1_024;

    /** Inspects node {@code index} of the stepper at its current frame. */
    public static Inspection of(Stepper stepper, Frame frame, int index) {
        StepGraph graph = stepper.graph();
        StepGraph.Node node = graph.node(index);
        Tensor t = graph.tensor(index);
        List<String> locals = stepper.localDerivatives(index);
        Map<String, Snapshot> saved = t.isLeaf() ? Map.of() : new LinkedHashMap<>(t.op().saved());
        GradientCheck.Result check = node.role() == StepGraph.Role.PARAM && t.size() <= CHECK_LIMIT
                ? check(stepper, index) : null;
        return new Inspection(node, frame.value(index), frame.gradient(index), locals, saved, check);
    }

    /** The numeric gradient check of a param at the values the current iteration started from. */
    static GradientCheck.Result check(Stepper stepper, int index) {
        Lesson lesson = stepper.lesson();
        Lesson copy;
        try {
            // In float64 whatever the lesson computes in: central differences need the precision.
            copy = Lesson.compile(lesson.source(), lesson.fileName(), lesson.data().in(DType.F64));
        } catch (LessonException e) {
            throw new IllegalStateException("a lesson that compiled once failed to compile again", e);
        }
        Snapshot[] start = stepper.iterationStartValues();
        StepGraph graph = stepper.graph();
        for (int i = 0; i < graph.size(); i++) {
            if (start[i] != null) {
                Tensor twin = copy.nodes().get(lesson.nodes().indexOf(graph.tensor(i)));
                double[] v = start[i].values();
                for (int k = 0; k < v.length; k++) {
                    twin.value().set(k, v[k]);
                }
            }
        }
        Tensor param = copy.nodes().get(lesson.nodes().indexOf(graph.tensor(index)));
        return GradientCheck.check(copy.graph(), param);
    }
}
