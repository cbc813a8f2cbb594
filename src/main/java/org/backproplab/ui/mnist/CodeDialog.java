package org.backproplab.ui.mnist;

import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import org.backproplab.codegen.FrameworkCode;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.ui.Appearance;
import org.backproplab.ui.Carets;
import org.backproplab.ui.DialogButtons;
import org.backproplab.ui.Styles;

/**
 * Show as code: the MNIST tab's network and training settings as tf.keras and as PyTorch code (from
 * {@link FrameworkCode}, commented in the window's language) that a student can paste and run, one tab each, with
 * Copy for the one in sight.
 */
final class CodeDialog {

    static final String ID = "code-dialog";

    private CodeDialog() {
    }

    static void show(Window owner, TrainingConfig config, ResourceBundle messages) {
        // The code's comments in the window's language: the bundle's own locale is it (zh_CN, or the base's for English).
        Locale language = messages.getLocale();
        TabPane tabs = new TabPane(
                tab("codeKeras", messages.getString("mnist.code.keras"), FrameworkCode.keras(config, language)),
                tab("codePytorch", messages.getString("mnist.code.pytorch"), FrameworkCode.pytorch(config, language)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(760, 560);

        ButtonType copy = new ButtonType(messages.getString("mnist.code.copy"), ButtonBar.ButtonData.LEFT);
        Alert alert = new Alert(Alert.AlertType.NONE, "", copy, ButtonType.CLOSE);
        DialogButtons.inLanguage(alert.getDialogPane(), messages);
        alert.initOwner(owner);
        alert.setTitle(messages.getString("mnist.code.title"));
        alert.setHeaderText(messages.getString("mnist.code.header"));
        alert.getDialogPane().setContent(tabs);
        alert.getDialogPane().setId(ID);
        Appearance.styleLike(alert.getDialogPane(), owner);
        alert.setResizable(true);
        // Copy keeps the dialog open: it consumes its own action.
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            TextArea code = (TextArea) tabs.getSelectionModel().getSelectedItem().getContent();
            ClipboardContent content = new ClipboardContent();
            content.putString(code.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            e.consume();
        });
        Carets.stopWhenClosed(alert);
        alert.showAndWait();
    }

    private static Tab tab(String id, String title, String code) {
        TextArea area = new TextArea(code);
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().addAll(Styles.DATA, Styles.CODE);
        Tab tab = new Tab(title, area);
        tab.setId(id + "Tab");
        return tab;
    }
}
