package org.backproplab.stepper;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonData;
import org.backproplab.lesson.LessonException;
import org.backproplab.nn.OptimizerKind;

/**
 * A step-through session, everything needed to come back to it: the lesson (its name and its full text, so the
 * session does not depend on a lesson file that may change), the settings the view shows, the node inspected, and
 * the {@link Checkpoint} of the stepper. Saved and read by {@link SessionFile}.
 *
 * @param lessonName   the lesson's name as the view shows it, e.g. {@code 03_two_layer_network.bp}
 * @param lessonText   the text the stepper's lesson was compiled from
 * @param optimizer    the optimizer chosen in the view
 * @param learningRate the learning rate set in the view
 * @param selectedNode the node the inspector shows (an index of {@link StepGraph#nodes()}), or -1
 * @param checkpoint   where the stepper stands
 * @param data         the numbers beside the lesson's text ({@link LessonData#NONE} for most lessons)
 */
public record Session(String lessonName, String lessonText, OptimizerKind optimizer, double learningRate, int selectedNode,
                      Checkpoint checkpoint, LessonData data) {

    /** A session of a lesson with nothing beside its text. */
    public Session(String lessonName, String lessonText, OptimizerKind optimizer, double learningRate, int selectedNode,
            Checkpoint checkpoint) {
        this(lessonName, lessonText, optimizer, learningRate, selectedNode, checkpoint, LessonData.NONE);
    }

    /** The session of a stepper as the view shows it. */
    public static Session of(String lessonName, Stepper stepper, int selectedNode) {
        return new Session(lessonName, stepper.lesson().source(), stepper.optimizer(), stepper.learningRate(),
                selectedNode, stepper.checkpoint(), stepper.lesson().data());
    }

    /**
     * A new stepper at the same step, showing the same numbers: the lesson compiled from its text, put back to the
     * checkpoint. Throws when the text does not compile, or IllegalArgumentException when the checkpoint does not
     * fit it (which {@link SessionFile#read} has already ruled out for a session it read).
     */
    public Stepper restore() throws LessonException {
        Lesson lesson = Lesson.compile(lessonText, lessonName.isEmpty() ? "lesson.bp" : lessonName, data);
        return Stepper.restore(lesson, checkpoint, optimizer, learningRate);
    }
}
