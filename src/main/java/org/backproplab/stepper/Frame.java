package org.backproplab.stepper;

import java.util.Arrays;
import java.util.Set;
import org.backproplab.engine.Snapshot;

/**
 * Everything the view shows after one step, as plain data: where the stepper is, what every node shows, which
 * node and edges are active, and the explanation.
 *
 * @param iteration   the training iteration, from 1
 * @param phase       the phase of the step shown
 * @param position    the step within its phase, from 1 (0 before the first step)
 * @param count       how many steps the phase has
 * @param values      per node (index of {@link StepGraph#nodes()}), its value, or null when not yet computed
 * @param gradients   per node, ∂L/∂node as far as backward has got, or null when not yet computed
 * @param edgeFlow    per edge, the mean absolute gradient that flowed back along it in this iteration, or NaN
 * @param activeNode  the node this step is about, or -1
 * @param activeEdges the edges this step is about
 * @param changed     the nodes whose value or gradient this step changed
 * @param canStepBack whether {@link Stepper#stepBack()} can go back from here
 * @param losses      how many losses of the {@link LossHistory} the display may show: those of the earlier
 *                    iterations, and this one's once its forward pass has reached the output
 */
public record Frame(int iteration, Phase phase, int position, int count, Snapshot[] values, Snapshot[] gradients,
                    double[] edgeFlow, int activeNode, Set<Integer> activeEdges, Set<Integer> changed,
                    Explanation explanation, boolean canStepBack, int losses) {

    public Frame {
        values = values.clone();
        gradients = gradients.clone();
        edgeFlow = edgeFlow.clone();
        activeEdges = Set.copyOf(activeEdges);
        changed = Set.copyOf(changed);
    }

    public Snapshot value(int node) {
        return values[node];
    }

    public Snapshot gradient(int node) {
        return gradients[node];
    }

    public double edgeFlow(int edge) {
        return edgeFlow[edge];
    }

    @Override
    public Snapshot[] values() {
        return values.clone();
    }

    @Override
    public Snapshot[] gradients() {
        return gradients.clone();
    }

    @Override
    public double[] edgeFlow() {
        return edgeFlow.clone();
    }

    /** True when the display is the same: same place, same numbers, same explanation. */
    public boolean showsSameAs(Frame o) {
        return iteration == o.iteration && phase == o.phase && position == o.position
                && Arrays.equals(values, o.values) && Arrays.equals(gradients, o.gradients)
                && Arrays.equals(edgeFlow, o.edgeFlow) && activeNode == o.activeNode
                && explanation.equals(o.explanation);
    }
}
