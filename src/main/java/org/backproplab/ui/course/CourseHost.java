package org.backproplab.ui.course;

import java.util.function.IntConsumer;

import org.backproplab.course.Setup;

/** What the course panel needs of the window: to put a tab into a setup's state, and the gradient-flow lab's layers. */
public interface CourseHost {

    /** Puts the setup's tab into its state and shows it; a message for the user if it cannot now, else null. */
    String apply(Setup setup);

    /** The layer (from 1) of configuration A with the smallest ‖∂L/∂W‖ in the lab now; 0 before its first step. */
    int smallestGradientLayer();

    /** Tells {@code picked} the layer (from 1) the user clicks in the lab's gradient bars; null stops telling. */
    void onLayerPicked(IntConsumer picked);
}
