package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.backproplab.engine.Snapshot;
import org.backproplab.nn.GradientClipping;
import org.backproplab.nn.Optimizer;

/**
 * Trains a lesson's parameters, as {@code eval --steps} does. Each step: forward, zero every gradient, backward,
 * clip the parameters' gradients by their global norm (when asked), and let the optimizer update every
 * {@code param} from those same gradients. After the last step one more forward and backward leaves the values
 * and gradients of the final parameters in the graph: that is what gets reported. With 0 steps that is simply
 * one forward and backward.
 */
public final class LessonTraining {

    /**
     * How to train.
     *
     * @param steps how many updates, 0 or more
     * @param optimizer sgd, momentum, nesterov, rmsprop or adam
     * @param learningRate the step size
     * @param clipNorm the largest global gradient norm, or empty for no clipping
     */
    public record Settings(int steps, String optimizer, double learningRate, OptionalDouble clipNorm) {
        public Settings {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be 0 or more, got " + steps);
            }
        }

        /** One forward and backward, no training. */
        public static Settings none() {
            return new Settings(0, "sgd", 0.1, OptionalDouble.empty());
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
        Optimizer optimizer = Optimizer.create(settings.optimizer(), lesson.parameters(), settings.learningRate());
        List<Snapshot> outputs = new ArrayList<>();
        List<GradientClipping.Report> clipping = new ArrayList<>();
        for (int step = 0; step < settings.steps(); step++) {
            pass(lesson);
            outputs.add(lesson.output().snapshot());
            if (settings.clipNorm().isPresent()) {
                clipping.add(GradientClipping.byGlobalNorm(lesson.parameters(), settings.clipNorm().getAsDouble()));
            }
            optimizer.step();
        }
        pass(lesson);
        return new Result(outputs, clipping);
    }

    private static void pass(Lesson lesson) {
        lesson.forward();
        lesson.zeroGrad();
        lesson.backward();
    }
}
