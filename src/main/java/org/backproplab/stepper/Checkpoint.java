package org.backproplab.stepper;

import java.util.List;
import org.backproplab.engine.Snapshot;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.OptimizerKind;

/**
 * Where a {@link Stepper} stands, with what it takes to come back there on a fresh copy of its lesson: the params'
 * values at the start of the iteration shown, the optimizer that makes (or made) that iteration's update with its
 * memory just before it, and the losses of the iterations before. The engine is deterministic, so replaying that
 * many steps from there shows the same numbers, bit for bit ({@link Stepper#restore}).
 *
 * <p>Only the iteration shown comes back: the iterations kept before it for stepping back, and any recorded after it
 * (when it was stepped back to), are left out; stepping forward computes the later ones again.
 *
 * @param iteration      the iteration shown, from 1
 * @param steps          how many of its steps are shown: 0 before the first, up to all of its phases' steps
 * @param parameters     the params (by their names in the graph) and their values at the start of that iteration, in
 *                       the order of the lesson's params
 * @param optimizer      the optimizer of that iteration's update
 * @param learningRate   its learning rate
 * @param optimizerState its memory before that update
 * @param losses         the losses of iterations 1 to {@code iteration − 1}
 */
public record Checkpoint(int iteration, int steps, List<Param> parameters, OptimizerKind optimizer, double learningRate,
                         Optimizer.State optimizerState, double[] losses) {

    /** A param's name and value. */
    public record Param(String name, Snapshot value) {
    }

    public Checkpoint {
        if (iteration < 1 || steps < 0) {
            throw new IllegalArgumentException("iteration " + iteration + ", step " + steps
                    + ": iterations count from 1 and steps from 0");
        }
        if (losses.length != iteration - 1) {
            throw new IllegalArgumentException("iteration " + iteration + " follows " + (iteration - 1)
                    + " losses, not " + losses.length);
        }
        parameters = List.copyOf(parameters);
        losses = losses.clone();
    }

    /** Throws unless the saved values fit these params (the lesson's, in its order) in number and shape. */
    void checkFits(List<StepGraph.Node> params) {
        if (parameters.size() != params.size()) {
            throw new IllegalArgumentException("it has " + parameters.size() + " params, the lesson " + params.size());
        }
        for (int k = 0; k < params.size(); k++) {
            StepGraph.Node p = params.get(k);
            Snapshot v = parameters.get(k).value();
            if (!p.name().equals(parameters.get(k).name())) {
                throw new IllegalArgumentException("its param " + (k + 1) + " is " + parameters.get(k).name()
                        + ", the lesson's " + p.name());
            }
            if (v.rows() != p.rows() || v.cols() != p.cols()) {
                throw new IllegalArgumentException("param " + p.name() + " is [" + p.rows() + "x" + p.cols()
                        + "] in the lesson, [" + v.rows() + "x" + v.cols() + "] in the session");
            }
        }
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }
}
