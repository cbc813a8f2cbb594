package org.backproplab.drawing;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.Stepper;

/** A stepper on a shipped lesson (plain SGD, η = 0.1), for the drawing's tests and the graph view's. */
public final class Steppers {

    private Steppers() {
    }

    public static Stepper shipped(String name) throws LessonException {
        return new Stepper(Lesson.compile(ShippedLessons.source(name), name + ".bp"), org.backproplab.nn.OptimizerKind.SGD, 0.1);
    }
}
