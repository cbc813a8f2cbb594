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
     * What happened.
     *
     * @param outputs the output's value at each step, before that step's update
     * @param clipping each step's global gradient norm before and after clipping (empty without clipping)
     */
    public record Result(List<Snapshot> outputs, List<GradientClipping.Report> clipping) {
        public Result {
            outputs = List.copyOf(outputs);
            clipping = List.copyOf(clipping);
        }

        /** How many steps had their gradients scaled down. */
        public long clippedSteps() {
            return clipping.stream().filter(GradientClipping.Report::clipped).count();
        }
    }

    private LessonTraining() {
    }

    /** Runs the steps on {@code lesson}'s own nodes, which hold the final values and gradients afterwards. */
    public static Result run(Lesson lesson, Settings settings) {
        TrainingStep step = new TrainingStep(settings.optimizer().create(lesson.parameters(), settings.learningRate()),
                settings.clipping());
        TrainingStep.Objective objective = lesson.objective();
        List<Snapshot> outputs = new ArrayList<>();
        List<GradientClipping.Report> clipping = new ArrayList<>();
        for (int n = 0; n < settings.steps(); n++) {
            TrainingStep.Result r = step.run(objective, new TrainingStep.Watcher() {
                @Override
                public void backpropagated(double loss) {
                    outputs.add(lesson.output().snapshot());
                }
            });
            if (r.clipping() != null) {
                clipping.add(r.clipping());
            }
        }
        step.forward(objective, null);
        step.backward(objective, null);
        return new Result(outputs, clipping);
    }
}
