package org.backproplab.stepper;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.GradientClipping;
import org.backproplab.engine.Snapshot;
import org.backproplab.nn.Optimizer;
import org.backproplab.nn.OptimizerKind;

/**
 * One iteration as the {@link Stepper} recorded it: the leaves' values at its start, the steps revealed so far (each
 * pass's events, recorded when the stepper first enters it), which passes have run, and the optimizer as it was
 * before the update.
 */
final class RecordedIteration {

    /** One revealed event; {@code optimizer} names the rule an update step was made by. */
    record Step(Phase phase, int position, int count, Object event, OptimizerKind optimizer) {
    }

    /** An optimizer as it was: which, its learning rate, and its memory. */
    record Replay(OptimizerKind optimizer, double learningRate, Optimizer.State state) {
    }

    final int number;
    final Snapshot[] start;
    final List<Step> steps = new ArrayList<>();
    boolean forward;
    boolean backward;
    boolean update;
    /** The optimizer as it was just before this iteration's update, once the update is recorded. */
    Replay beforeUpdate;
    /** How this iteration's update clipped the gradients, and what that did (null report: not clipped). */
    Clipping clipping = Clipping.NONE;
    GradientClipping.Report clipped;

    RecordedIteration(int number, Snapshot[] start) {
        this.number = number;
        this.start = start;
    }
}
