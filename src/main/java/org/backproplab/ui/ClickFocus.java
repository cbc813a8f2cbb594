package org.backproplab.ui;

import javafx.scene.control.ButtonBase;
import javafx.scene.input.MouseEvent;

/**
 * Buttons that Tab reaches but a click does not focus. In the step-through view Space steps wherever the focus is,
 * except on a focused button, which Space presses; were a click to focus the button, a teacher who clicked Back
 * and then pressed Space would step back again. A JavaFX button takes the focus on a press only when it is
 * focus-traversable, so it is not, from the press until the release.
 */
public final class ClickFocus {

    private ClickFocus() {
    }

    public static void leaveWhereItIs(ButtonBase... buttons) {
        for (ButtonBase b : buttons) {
            b.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> b.setFocusTraversable(false));
            // the release goes to the pressed button wherever the pointer is: it always gives Tab its stop back
            b.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> b.setFocusTraversable(true));
        }
    }
}
