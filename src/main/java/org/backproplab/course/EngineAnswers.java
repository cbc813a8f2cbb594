package org.backproplab.course;

import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonTraining;
import org.backproplab.nn.Clipping;
import org.backproplab.stepper.ShippedLessons;

/**
 * The engine's own answer to a number exercise that says where it comes from: the shipped lesson compiled, trained
 * for the stated updates by the one training step, then a forward and backward pass, and the node's value or
 * gradient read — the numbers the step-through view shows for that lesson.
 */
public final class EngineAnswers {

    private EngineAnswers() {
    }

    /** The value; an {@link IllegalArgumentException} if the lesson has no such node or it is not one number. */
    public static double compute(Exercise.EngineValue v) {
        Lesson lesson;
        try {
            lesson = Lesson.compile(ShippedLessons.source(v.lesson()), v.lesson() + ".bp");
        } catch (LessonException e) {
            throw new IllegalStateException("shipped lesson " + v.lesson() + " does not compile: " + e.getMessage(), e);
        }
        Tensor node = lesson.tensor(v.node()).orElseThrow(() -> new IllegalArgumentException("lesson " + v.lesson()
                + " has no node \"" + v.node() + "\""));
        if (node.size() != 1) {
            throw new IllegalArgumentException("node \"" + v.node() + "\" of lesson " + v.lesson() + " is a "
                    + node.rows() + "x" + node.cols() + " matrix; an exercise asks for one number");
        }
        LessonTraining.run(lesson, new LessonTraining.Settings(v.updates(), v.optimizer(), v.learningRate(),
                Clipping.NONE));
        lesson.forward();
        lesson.zeroGrad();
        lesson.backward();
        return v.gradient() ? node.gradItem() : node.item();
    }
}
