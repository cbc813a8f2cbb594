package org.backproplab.ui;

import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The frame of Help's reference sheets (keyboard shortcuts, glossary): a resizable dialog in the window's theme, zoom
 * and language with a title, a header, an icon, the sheet as its content and a Close button.
 */
final class SheetDialog {

    private SheetDialog() {
    }

    /** The dialog, ready to show; {@code keyPrefix} names its title ({@code .title}) and header ({@code .header}). */
    static Alert of(Window owner, ResourceBundle messages, String keyPrefix, String iconLiteral, Node content,
                    String id) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        DialogButtons.inLanguage(alert.getDialogPane(), messages);
        alert.initOwner(owner);
        alert.setTitle(messages.getString(keyPrefix + ".title"));
        alert.setHeaderText(messages.getString(keyPrefix + ".header"));
        FontIcon icon = new FontIcon(iconLiteral);
        icon.setIconSize(40);
        icon.getStyleClass().add("about-icon");
        alert.setGraphic(icon);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(id);
        Appearance.styleLike(alert.getDialogPane(), owner);
        alert.setResizable(true);
        Carets.stopWhenClosed(alert);
        return alert;
    }
}
