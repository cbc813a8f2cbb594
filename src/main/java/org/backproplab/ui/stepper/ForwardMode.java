package org.backproplab.ui.stepper;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.backproplab.lesson.Lesson;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.TangentFrame;
import org.backproplab.stepper.TangentWalk;

/**
 * Forward mode (F) of the step-through view: the passes of a {@link TangentWalk} over the lesson, one per input,
 * instead of backprop's iterations. {@link StepperViewModel} moves it and shows its frames; this holds the walk and
 * says whether it is on and whose tangent the pass shown carries.
 */
final class ForwardMode {

    /** The walk while forward mode is on; null in backprop. */
    private TangentWalk walk;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(false);
    /** The input whose tangent the pass shown carries; "" in backprop. */
    private final ReadOnlyStringWrapper tangentOf = new ReadOnlyStringWrapper("");

    boolean isOn() {
        return walk != null;
    }

    ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    ReadOnlyStringProperty tangentOfProperty() {
        return tangentOf.getReadOnlyProperty();
    }

    /** Forward mode on, from the lesson's own starting values: its first frame. */
    TangentFrame start(Lesson lesson) {
        walk = new TangentWalk(lesson);
        on.set(true);
        return walk.frame();
    }

    /** Back to backprop. */
    void stop() {
        walk = null;
        on.set(false);
        tangentOf.set("");
    }

    TangentFrame step() {
        return walk.step();
    }

    TangentFrame stepBack() {
        return walk.stepBack();
    }

    TangentFrame reset() {
        return walk.reset();
    }

    /** To the end of the pass shown (or the summary, after the last). */
    TangentFrame finishPass() {
        TangentFrame t;
        do {
            t = walk.step();
        } while (!t.done() && !"explain.tangent.passDone".equals(t.explanation().noteKey()));
        return t;
    }

    /** The frame to draw for {@code t}, noting whose tangent it carries; {@code losses} as backprop's history has. */
    Frame frame(TangentFrame t, int losses) {
        tangentOf.set(t.input() < 0 ? "" : walk.graph().node(t.input()).name());
        return t.asFrame(walk.graph().edges().size(), losses);
    }
}
