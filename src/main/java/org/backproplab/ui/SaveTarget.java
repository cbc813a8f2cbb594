package org.backproplab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The file a Save dialog chose, with the extension added where the dialog gave none (GTK's does not). The dialog
 * asked before replacing only the name without the extension, so when the name with it exists, this asks.
 */
public final class SaveTarget {

    static final String REPLACE_ID = "replace-file-dialog";

    private SaveTarget() {
    }

    /** The file to write, or null when the user would rather not replace the one that is there. */
    public static Path withExtension(Window owner, ResourceBundle messages, Path chosen, String extension) {
        if (chosen.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
            return chosen;
        }
        Path file = chosen.resolveSibling(chosen.getFileName() + "." + extension);
        if (!Files.exists(file)) {
            return file;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, MessageFormat.format(
                messages.getString("file.replace.content"), file.getFileName(), file.toAbsolutePath().getParent()),
                ButtonType.OK, ButtonType.CANCEL);
        DialogButtons.inLanguage(ask.getDialogPane(), messages);
        ask.initOwner(owner);
        ask.setHeaderText(MessageFormat.format(messages.getString("file.replace.header"), file.getFileName()));
        ask.getDialogPane().setId(REPLACE_ID);
        Appearance.styleLike(ask.getDialogPane(), owner);
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent() ? file : null;
    }
}
