package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.Buffer;
import org.backproplab.engine.Graph;
import org.backproplab.engine.PassListener;
import org.backproplab.engine.Tensor;

/**
 * The one training step that every loop uses (the MNIST trainer, the labs, lesson training and the step-through
 * view): zero the gradients, forward, backward, clip, update; and, between epochs, the learning-rate schedule.
 * Whoever watches gets the engine's own {@link org.backproplab.engine.PassEvent}s and the optimizer's
 * {@link ParameterUpdate}s through a {@link Watcher}; unwatched, a step allocates and measures nothing beyond the
 * passes themselves (no norm is taken unless clipping needs it).
 *
 * <p>The phases are public too, for the step-through view, which runs one phase at a time: {@link #forward},
 * {@link #backward} (which zeroes the gradients first: leaves accumulate across passes), {@link #clip} and
 * {@link #update}.
 */
public final class TrainingStep {

    /** What a step trains: a forward pass to an output, and the backward pass from it. */
    public interface Objective {
        /** Recomputes every node from the leaves' current values, reporting each when watched. */
        void forward(PassListener listener);

        /** The node whose gradient is seeded with ones: the loss. */
        Tensor output();

        /** Zeroes every gradient that a backward pass adds to (the leaves'). */
        void zeroGrad();

        /** Backprop from the output, reporting each chain-rule step when watched. */
        void backward(PassListener listener);

        /** A graph's own passes. */
        static Objective of(Graph graph) {
            return new Objective() {
                public void forward(PassListener listener) { graph.forward(listener); }
                public Tensor output() { return graph.output(); }
                public void zeroGrad() { graph.zeroGrad(); }
                public void backward(PassListener listener) { graph.backward(listener); }
            };
        }
    }

    /** Hears about a step as it happens; every method is optional. */
    public interface Watcher {
        Watcher NONE = new Watcher() { };

        /** Hears the forward pass's events, or null. */
        default PassListener forwardListener() { return null; }

        /** Hears the backward pass's events, or null. */
        default PassListener backwardListener() { return null; }

        /** After backward, before clipping: the gradients as backprop made them. */
        default void backpropagated(double loss) { }

        /** After clipping: whether to make the update (a lab stops at the first value that is not finite). */
        default boolean shouldUpdate(double loss, GradientClipping.Report clipping) { return true; }

        /** Hears the update of each parameter, or null. */
        default ParameterUpdate.Listener updateListener() { return null; }
    }

    /**
     * What a step did.
     *
     * @param loss     the output's value before the update (the sum of its elements when it is not a scalar)
     * @param clipping the global norm before and after clipping; null when the step does not clip
     * @param updated  whether the parameters were updated
     */
    public record Result(double loss, GradientClipping.Report clipping, boolean updated) {
    }

    private final Optimizer optimizer;
    private final Clipping clipping;
    private final Schedule schedule;
    private final double baseRate;

    /** A step with a constant learning rate. */
    public TrainingStep(Optimizer optimizer, Clipping clipping) {
        this(optimizer, clipping, Schedule.NONE);
    }

    /** A step whose learning rate follows {@code schedule} from the optimizer's current rate. */
    public TrainingStep(Optimizer optimizer, Clipping clipping, Schedule schedule) {
        this.optimizer = optimizer;
        this.clipping = clipping;
        this.schedule = schedule;
        this.baseRate = optimizer.learningRate();
    }

    public Optimizer optimizer() { return optimizer; }

    public Clipping clipping() { return clipping; }

    public List<Tensor> parameters() { return optimizer.parameters(); }

    /** Sets the learning rate the schedule gives for {@code epoch} (from 0) of a run of {@code epochs}. */
    public void startEpoch(int epoch, int epochs) {
        optimizer.setLearningRate(schedule.rate(baseRate, epoch, epochs));
    }

    /** One whole step, unwatched. */
    public Result run(Objective objective) {
        return run(objective, Watcher.NONE);
    }

    /** One whole step: zero, forward, backward, clip and (unless the watcher says no) update. */
    public Result run(Objective objective, Watcher watcher) {
        double loss = forward(objective, watcher.forwardListener());
        backward(objective, watcher.backwardListener());
        watcher.backpropagated(loss);
        GradientClipping.Report report = clip();
        boolean update = watcher.shouldUpdate(loss, report);
        if (update) {
            update(watcher.updateListener());
        }
        return new Result(loss, report, update);
    }

    /** The forward pass; returns the loss. */
    public double forward(Objective objective, PassListener listener) {
        objective.forward(listener);
        return loss(objective.output());
    }

    /** Zeroes the gradients, then the backward pass. */
    public void backward(Objective objective, PassListener listener) {
        objective.zeroGrad();
        objective.backward(listener);
    }

    /** Clips the parameters' gradients as set; null when no clipping is set. */
    public GradientClipping.Report clip() {
        return clipping.apply(optimizer.parameters());
    }

    /** The optimizer's update of every parameter from its gradient. */
    public void update(ParameterUpdate.Listener listener) {
        optimizer.step(listener);
    }

    /** The loss as backward sees it: the output's value, or the sum of its elements. */
    public static double loss(Tensor output) {
        if (output.isScalar()) {
            return output.item();
        }
        Buffer v = output.value();
        double sum = 0;
        for (int i = 0; i < v.length(); i++) {
            sum += v.get(i);
        }
        return sum;
    }
}
