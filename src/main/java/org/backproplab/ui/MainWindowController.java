package org.backproplab.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;

import org.backproplab.engine.kernel.Kernels;
import org.backproplab.ui.stepper.StepperController;

/**
 * The controller of {@code main-window.fxml}, kept thin: it fills in the few texts that are not fixed and
 * forwards each menu command to {@link MainWindow}.
 */
public final class MainWindowController {

    private final MainWindow window;

    @FXML
    private ResourceBundle resources;
    @FXML
    private RadioMenuItem englishItem;
    @FXML
    private RadioMenuItem chineseItem;
    @FXML
    private Label kernelLabel;
    /** The step-through view's controller, injected from the fx:include with fx:id "stepper". */
    @FXML
    private StepperController stepperController;
    @FXML
    private TabPane mainTabs;

    MainWindowController(MainWindow window) {
        this.window = window;
    }

    @FXML
    private void initialize() {
        (window.language() == Language.SIMPLIFIED_CHINESE ? chineseItem : englishItem).setSelected(true);
        kernelLabel.setText(MessageFormat.format(resources.getString("status.kernel"), Kernels.gemm().name()));
        mainTabs.getTabs().stream().filter(t -> window.selectedTab().equals(t.getId())).findFirst()
                .ifPresent(t -> mainTabs.getSelectionModel().select(t));
        mainTabs.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> window.tabSelected(now.getId()));
    }

    @FXML
    private void openLesson() {
        stepperController.open();
    }

    @FXML
    private void quit() {
        window.quit();
    }

    @FXML
    private void showAbout() {
        window.showAbout();
    }

    @FXML
    private void useEnglish() {
        window.switchLanguage(Language.ENGLISH);
    }

    @FXML
    private void useChinese() {
        window.switchLanguage(Language.SIMPLIFIED_CHINESE);
    }
}
