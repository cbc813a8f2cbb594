package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Snapshot;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.GradientClipping;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.TrainingStep;

/**
 * Trains a lesson's parameters, as {@code eval --steps} does: each step is one {@link TrainingStep} (forward, zero
 * every gradient, backward, clip the parameters' gradients when asked, and let the optimizer update every
 * {@code param} from those same gradients). After the last step one more forward and backward leaves the values
 * and gradients of the final parameters in the graph: that is what gets reported. With 0 steps that is simply
 * one forward and backward.
 */
public final class LessonTraining {

    /**
     * How to train.
     *
     * @param steps how many updates, 0 or more
     * @param optimizer which optimizer updates the params
     * @param learningRate η
     * @param clipping how the gradients are clipped before each update
     */
    public record Settings(int steps, OptimizerKind optimizer, double learningRate, Clipping clipping) {
        public Settings {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be 0 or more, got " + steps);
            }
        }

        /** One forward and backward, no training. */
        public static Settings none() {
            return new Settings(0, OptimizerKind.SGD, 0.1, Clipping.NONE);
        }
    }

    /**
     * What happened. Memory is bounded by the lesson, not by the step count: of a long run the history keeps at most
     * {@link #KEPT} entries, every {@code every}-th step's (steps 0, every, 2·every, …); up to {@link #KEPT} steps
     * that is every step.
     *
     * @param outputs the output's value before the update of steps 0, every, 2·every, …
     * @param clipping the global gradient norm before and after clipping of those same steps (empty without clipping)
     * @param every how many steps apart the kept entries are: 1 unless the run had more than {@link #KEPT} steps
     * @param clippedSteps how many of all the steps had their gradients scaled down
     * @param lastClipping the last step's norms, or null without clipping or steps
     * @param firstNonFinite the first NaN or infinity of the run, its steps and the pass after them, or null when
     *                       every value and gradient stayed finite
     */
    public record Result(List<Snapshot> outputs, List<GradientClipping.Report> clipping, long every, long clippedSteps,
                         GradientClipping.Report lastClipping, NonFinite firstNonFinite) {
        public Result {
            outputs = List.copyOf(outputs);
            clipping = List.copyOf(clipping);
        }
    }

    /** The most steps whose output and clipping a {@link Result} keeps (even, for the halving). */
    public static final int KEPT = 4096;

    /** Told after each step how many have run, for a progress line. */
    @FunctionalInterface
    public interface Progress {
        void stepsDone(long done);
    }

    private LessonTraining() {
    }

    /** Runs the steps on {@code lesson}'s own nodes, which hold the final values and gradients afterwards. */
    public static Result run(Lesson lesson, Settings settings) {
        return run(lesson, settings, done -> { });
    }

    /** {@link #run(Lesson, Settings)}, telling {@code progress} after each step. */
    public static Result run(Lesson lesson, Settings settings, Progress progress) {
        TrainingStep step = new TrainingStep(settings.optimizer().create(lesson.parameters(), settings.learningRate()),
                settings.clipping());
        TrainingStep.Objective objective = lesson.objective();
        Thinned<Snapshot> outputs = new Thinned<>();
        Thinned<GradientClipping.Report> clipping = new Thinned<>();
        long clipped = 0;
        GradientClipping.Report last = null;
        NonFinite.Watch watch = new NonFinite.Watch(lesson);
        for (int n = 0; n < settings.steps(); n++) {
            int index = n;
            TrainingStep.Result r = step.run(objective, new TrainingStep.Watcher() {
                @Override
                public void backpropagated(double loss) {
                    if (outputs.keeps(index)) {
                        outputs.add(lesson.output().snapshot()); // a snapshot only when kept: it may be a matrix
                    }
                    watch.passed(index + 1);
                }
            });
            watch.updated(n + 1);
            if (r.clipping() != null) {
                last = r.clipping();
                clipped += last.clipped() ? 1 : 0;
                if (clipping.keeps(index)) {
                    clipping.add(last);
                }
            }
            progress.stepsDone(n + 1);
        }
        step.forward(objective, null);
        step.backward(objective, null);
        watch.passed(NonFinite.AFTER_TRAINING);
        return new Result(outputs.items, clipping.items, outputs.every, clipped, last, watch.found());
    }

    /**
     * Every {@code every}-th entry, at most {@link #KEPT}: when full, every other one is dropped and the spacing
     * doubles, so a run of any length keeps evenly spaced entries from its first step on.
     */
    private static final class Thinned<T> {
        private final List<T> items = new ArrayList<>();
        private long every = 1;
        private long next;

        /** Whether step {@code index} (asked in order) is one to keep; makes room when it is. */
        boolean keeps(long index) {
            if (index != next) {
                return false;
            }
            if (items.size() == KEPT) {
                for (int i = 1; 2 * i < items.size(); i++) {
                    items.set(i, items.get(2 * i));
                }
                items.subList((items.size() + 1) / 2, items.size()).clear();
                every *= 2; // KEPT is even, so this index, KEPT·every/2, is a multiple of the new spacing
            }
            next = index + every;
            return true;
        }

        void add(T item) {
            items.add(item);
        }
    }
}
