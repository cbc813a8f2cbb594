package org.backproplab.ui;

import java.util.Map;
import java.util.ResourceBundle;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/**
 * JavaFX names a dialog's standard buttons (Close, OK, Cancel) once, in the language the JVM started in, so a window
 * switched to Chinese would still say "Close". Every dialog passes its pane here to name them from the window's
 * bundle; the button types stay the standard ones, so code and tests still find them by {@link ButtonType}.
 */
public final class DialogButtons {

    private static final Map<ButtonType, String> KEYS = Map.of(ButtonType.CLOSE, "dialog.close",
            ButtonType.OK, "dialog.ok", ButtonType.CANCEL, "dialog.cancel");

    private DialogButtons() {
    }

    /** Names the pane's standard buttons in the bundle's language. */
    public static void inLanguage(DialogPane pane, ResourceBundle messages) {
        KEYS.forEach((type, key) -> {
            if (pane.lookupButton(type) instanceof Button button) {
                button.setText(messages.getString(key));
            }
        });
    }
}
