package org.backproplab.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.backproplab.AppInfo;
import org.kordamp.ikonli.javafx.FontIcon;

/** Help ▸ About: the app's name and version, what it is for, and what it runs on. */
final class AboutDialog {

    static final String ID = "about-dialog";

    private AboutDialog() {
    }

    static void show(Window owner, ResourceBundle messages) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        DialogButtons.inLanguage(alert.getDialogPane(), messages);
        alert.initOwner(owner);
        alert.setTitle(MessageFormat.format(messages.getString("about.title"), AppInfo.NAME));
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.VERSION);
        alert.setContentText(messages.getString("about.description") + "\n\n"
                + MessageFormat.format(messages.getString("about.runtime"), System.getProperty("java.version"),
                        System.getProperty("javafx.runtime.version")));
        FontIcon icon = new FontIcon("mdi2g-graph-outline");
        icon.setIconSize(48);
        icon.getStyleClass().add("about-icon");
        alert.setGraphic(icon);
        alert.getDialogPane().setId(ID);
        Appearance.styleLike(alert.getDialogPane(), owner);
        alert.showAndWait();
    }
}
