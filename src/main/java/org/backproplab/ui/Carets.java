package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TextInputControlSkin;

/**
 * Stops the blinking caret of a closed dialog's text fields. A text field's caret blinks by a Timeline of its skin,
 * which pulses the toolkit 60 times a second while it plays; JavaFX stops it when the field loses focus, but a field
 * focused when its dialog closes keeps the focus, and its caret blinks on, unseen, until the field is garbage
 * collected: an idle window that keeps a core awake (the glossary's search field did).
 */
public final class Carets {

    private Carets() {
    }

    /**
     * When {@code dialog} has closed, the carets of the text fields and areas in it (content or details) stop. Its
     * showing property is its window's, so this holds however it closed: by a button, Esc, or its window closed.
     */
    public static void stopWhenClosed(Dialog<?> dialog) {
        dialog.showingProperty().addListener((o, was, showing) -> {
            if (!showing) {
                textInputs(dialog).forEach(Carets::stop);
            }
        });
    }

    private static List<TextInputControl> textInputs(Dialog<?> dialog) {
        List<TextInputControl> found = new ArrayList<>();
        List<Node> roots = new ArrayList<>(List.of(dialog.getDialogPane()));
        if (dialog.getDialogPane().getExpandableContent() != null) {
            roots.add(dialog.getDialogPane().getExpandableContent());
        }
        for (Node root : roots) {
            root.lookupAll(".text-input").stream().filter(TextInputControl.class::isInstance)
                    .map(TextInputControl.class::cast).filter(f -> !found.contains(f)).forEach(found::add);
        }
        return found;
    }

    private static void stop(TextInputControl field) {
        if (field.getSkin() instanceof TextInputControlSkin<?> skin) {
            skin.setCaretAnimating(false);
        }
    }
}
