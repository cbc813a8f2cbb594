package org.backproplab.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

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
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private RadioMenuItem darkThemeItem;
    @FXML
    private RadioMenuItem highContrastThemeItem;
    @FXML
    private CheckMenuItem presentationItem;
    @FXML
    private MenuItem zoomInItem;
    @FXML
    private MenuItem zoomOutItem;
    @FXML
    private MenuItem saveSessionItem;
    @FXML
    private MenuItem openSessionItem;

    @FXML
    private SplitPane mainSplit;
    /** The course panel's root, from the fx:include with fx:id "course". */
    @FXML
    private Node course;
    @FXML
    private CheckMenuItem coursePanelItem;
    @FXML
    private MenuItem coursePreviousItem;
    @FXML
    private MenuItem courseNextItem;

    @FXML
    private Menu fileMenu;
    @FXML
    private MenuItem exportGraphPngItem;
    @FXML
    private MenuItem exportGraphSvgItem;
    @FXML
    private MenuItem exportMetricsItem;

    MainWindowController(MainWindow window) {
        this.window = window;
    }

    @FXML
    private void initialize() {
        (window.language() == Language.SIMPLIFIED_CHINESE ? chineseItem : englishItem).setSelected(true);
        kernelLabel.setText(MessageFormat.format(resources.getString("status.kernel"), Kernels.gemm().name()));
        Kernels.warmUpInBackground(); // compiled while the window opens and MNIST loads, not in the first epoch
        mainTabs.getTabs().stream().filter(t -> window.selectedTab().equals(t.getId())).findFirst()
                .ifPresent(t -> mainTabs.getSelectionModel().select(t));
        mainTabs.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> window.tabSelected(now.getId()));
        themeItem(window.theme()).setSelected(true);
        // A session is the stepper's: not while a run has it on another thread.
        saveSessionItem.disableProperty().bind(window.stepper().runningProperty());
        openSessionItem.disableProperty().bind(window.stepper().runningProperty());
        showZoom();
        // Esc leaves full screen without the menu: the check mark follows the stage.
        presentationItem.setSelected(window.isPresenting());
        ChangeListener<Boolean> fullScreen = (o, was, is) -> presentationItem.setSelected(is);
        window.stage().fullScreenProperty().addListener(new WeakChangeListener<>(fullScreen));
        presentationItem.getProperties().put("fullScreenListener", fullScreen); // held as long as the menu item
        // In code: FXML's accelerator text has no spelling for Page Up / Page Down that every version reads alike.
        coursePreviousItem.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.ALT_DOWN));
        courseNextItem.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.ALT_DOWN));
        SplitPane.setResizableWithParent(course, false);
        mainSplit.getProperties().put(MainWindow.COURSE_PANEL, course);
        mainSplit.getItems().remove(course);
        window.attachCoursePanel(mainSplit);
        coursePanelItem.setSelected(window.isCoursePanelShown());
        fileMenu.setOnShowing(e -> showExportItems());
        showExportItems();
    }

    /** File ▸ Export acts on the tab in view: the graph only in step-through, and only what has something to show. */
    private void showExportItems() {
        boolean graph = MainWindow.STEPPER_TAB.equals(selectedTabId()) && stepperController.canExportGraph();
        exportGraphPngItem.setDisable(!graph);
        exportGraphSvgItem.setDisable(!graph);
        exportMetricsItem.setDisable(window.metrics().table().get().isEmpty());
    }

    private String selectedTabId() {
        var tab = mainTabs.getSelectionModel().getSelectedItem();
        return tab == null ? "" : tab.getId();
    }

    @FXML
    private void exportGraphPng() {
        stepperController.exportGraphPng();
    }

    @FXML
    private void exportGraphSvg() {
        stepperController.exportGraphSvg();
    }

    @FXML
    private void exportMetrics() {
        MainWindow.Metrics metrics = window.metrics();
        Exports.csv(mainTabs, resources, metrics.name(), metrics.table());
    }

    private RadioMenuItem themeItem(Theme theme) {
        return switch (theme) {
            case LIGHT -> lightThemeItem;
            case DARK -> darkThemeItem;
            case HIGH_CONTRAST -> highContrastThemeItem;
        };
    }

    /** The zoom items are off at the ends of the range, 100% and 250%. */
    private void showZoom() {
        double zoom = window.zoom();
        zoomInItem.setDisable(zoom >= Preferences.MAX_ZOOM);
        zoomOutItem.setDisable(zoom <= Preferences.MIN_ZOOM);
    }

    @FXML
    private void useLightTheme() {
        window.setTheme(Theme.LIGHT);
    }

    @FXML
    private void useDarkTheme() {
        window.setTheme(Theme.DARK);
    }

    @FXML
    private void useHighContrastTheme() {
        window.setTheme(Theme.HIGH_CONTRAST);
    }

    @FXML
    private void zoomIn() {
        window.setZoom(window.zoom() + Preferences.ZOOM_STEP);
        showZoom();
    }

    @FXML
    private void zoomOut() {
        window.setZoom(window.zoom() - Preferences.ZOOM_STEP);
        showZoom();
    }

    @FXML
    private void zoomReset() {
        window.setZoom(Preferences.MIN_ZOOM);
        showZoom();
    }

    @FXML
    private void togglePresentation() {
        window.togglePresentation();
        presentationItem.setSelected(window.isPresenting());
    }

    @FXML
    private void showShortcuts() {
        window.showShortcuts();
    }

    @FXML
    private void showGlossary() {
        window.showGlossary();
    }

    @FXML
    private void openLesson() {
        stepperController.open();
    }

    @FXML
    private void saveSession() {
        window.sessions().save();
    }

    @FXML
    private void openSession() {
        window.sessions().open();
    }

    @FXML
    private void openCourse() {
        window.courses().openCourse();
    }

    @FXML
    private void openSetup() {
        window.courses().openSetup();
    }

    @FXML
    private void saveSetup() {
        window.courses().saveSetup();
    }

    @FXML
    private void toggleCoursePanel() {
        window.setCoursePanelShown(!window.isCoursePanelShown());
        coursePanelItem.setSelected(window.isCoursePanelShown());
    }

    @FXML
    private void coursePrevious() {
        if (showCoursePanelFirst()) {
            window.course().back();
        }
    }

    @FXML
    private void courseNext() {
        if (showCoursePanelFirst()) {
            window.course().next();
        }
    }

    /**
     * Alt+Page Up/Down with the course panel hidden show it at the page it is on, rather than turn a page (and apply
     * its setup to the tabs) out of sight; true when it was already shown and the page may turn.
     */
    private boolean showCoursePanelFirst() {
        if (window.isCoursePanelShown()) {
            return true;
        }
        window.setCoursePanelShown(true);
        coursePanelItem.setSelected(true);
        return false;
    }

    @FXML
    private void openShippedCourse() {
        window.courses().openShipped();
        window.setCoursePanelShown(true);
        coursePanelItem.setSelected(true);
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
