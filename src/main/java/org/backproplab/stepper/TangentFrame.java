package org.backproplab.stepper;

import java.util.Set;

import org.backproplab.engine.Snapshot;

/**
 * What the step-through view shows after one step of forward mode ({@link TangentWalk}): which pass (one per input)
 * and which step of it, every node's value and its tangent so far, the node this step is about, and the explanation.
 *
 * @param pass        the pass, from 1: pass p carries the tangent of input p
 * @param passes      how many passes: one per input
 * @param input       the graph index of the input this pass differentiates by
 * @param position    the step within the pass, from 0 (the seed) to {@code count}
 * @param count       the pass's op nodes
 * @param values      per node, its value, or null before the pass reaches it
 * @param tangents    per node, its tangent ∂node/∂input (the seed for the input, 0 for other leaves), or null
 * @param activeNode  the node this step is about, or -1
 * @param activeEdges the edges into it
 * @param done        true after the last pass: the explanation compares forward mode's passes with reverse mode
 */
public record TangentFrame(int pass, int passes, int input, int position, int count, Snapshot[] values,
                           Snapshot[] tangents, int activeNode, Set<Integer> activeEdges, Explanation explanation,
                           boolean done, boolean canStepBack) {

    public TangentFrame {
        values = values.clone();
        tangents = tangents.clone();
        activeEdges = Set.copyOf(activeEdges);
    }

    /**
     * As the step-through view shows a step: phase {@link Phase#TANGENT}, the pass as the iteration, the tangents
     * where backprop's gradients go; none of the {@code edges} carries a flow, and {@code losses} of the chart
     * stay shown.
     */
    public Frame asFrame(int edges, int losses) {
        double[] flow = new double[edges];
        java.util.Arrays.fill(flow, Double.NaN);
        return new Frame(pass, Phase.TANGENT, position, count, values, tangents, flow, activeNode, activeEdges,
                activeNode < 0 ? Set.of() : Set.of(activeNode), explanation, canStepBack, losses);
    }

    @Override
    public Snapshot[] values() {
        return values.clone();
    }

    @Override
    public Snapshot[] tangents() {
        return tangents.clone();
    }
}
