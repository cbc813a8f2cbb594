package org.backproplab.ui;

import static org.backproplab.ui.MainWindowFixture.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.backproplab.ui.graph.GraphView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The classroom features of the main window, headless: themes, the zoom, presentation mode on F5, the shortcut sheet
 * on F1, and the preferences that bring all of it (and the window's size and last lesson) back at the next start.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {

    @TempDir
    static Path dir;

    private Stage stage;
    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        file = Files.createTempDirectory(dir, "prefs").resolve("preferences.properties");
        Preferences.defaults(Language.ENGLISH).withSize(1100, 700, false).withTheme(Theme.DARK).withZoom(1.5)
                .withLesson("02_sigmoid_neuron.bp").save(file);
        window = new MainWindow(stage, Preferences.load(file, Preferences.defaults(Language.ENGLISH)), file);
        window.show();
    }

    @AfterEach
    void leave(FxRobot robot) {
        robot.interact(() -> {
            stage.setFullScreen(false);
            robot.listTargetWindows().stream().filter(w -> w != stage && w instanceof Stage)
                    .forEach(w -> ((Stage) w).close());
        });
    }

    @Test
    void theWindowOpensAsThePreferencesSay(FxRobot robot) {
        assertEquals(1100, stage.getScene().getWidth());
        assertEquals(700, stage.getScene().getHeight());
        assertEquals(Theme.DARK, window.theme());
        assertTrue(stage.getScene().getStylesheets().get(1).endsWith("theme-dark.css"), stage.getScene().getStylesheets()
                .toString());
        assertEquals("-fx-font-size: 19.50px;", stage.getScene().getRoot().getStyle());
        assertEquals("02_sigmoid_neuron.bp", robot.lookup("#fileLabel").queryAs(Label.class).getText());
    }

    @Test
    void aChosenThemeIsAppliedAndRemembered(FxRobot robot) {
        robot.interact(() -> robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(1)
                .getItems().stream().filter(i -> "themeMenu".equals(i.getId())).findFirst()
                .map(m -> ((javafx.scene.control.Menu) m).getItems().get(2)).orElseThrow().fire());
        assertEquals(Theme.HIGH_CONTRAST, window.theme());
        assertTrue(stage.getScene().getStylesheets().get(1).endsWith("theme-high-contrast.css"));
        assertEquals(Theme.HIGH_CONTRAST, saved().theme());
        robot.interact(() -> window.setTheme(Theme.LIGHT));
        assertEquals(1, stage.getScene().getStylesheets().size(), "the light theme is app.css alone");
    }

    @Test
    void theZoomScalesFontsAndTheGraphWithin100To250Percent(FxRobot robot) {
        GraphView graph = robot.lookup(".graph-view").queryAs(GraphView.class);
        double before = graph.scale();
        robot.interact(() -> window.setZoom(2.5));
        assertEquals("-fx-font-size: 32.50px;", stage.getScene().getRoot().getStyle());
        assertTrue(graph.scale() > before, "the graph did not grow: " + before + " → " + graph.scale());
        double readout = robot.lookup("#positionLabel").queryAs(Label.class).getFont().getSize();
        assertEquals(40, readout, 0.1, "the step readout is 16px at 100%");
        robot.interact(() -> window.setZoom(9));
        assertEquals(2.5, window.zoom());
        robot.interact(() -> window.setZoom(0));
        assertEquals(1.0, window.zoom());
        assertEquals(1.0, saved().zoom());
    }

    @Test
    void f5TogglesPresentationModeAndEscLeavesIt(FxRobot robot) throws TimeoutException {
        assertFalse(window.isPresenting());
        robot.clickOn("#graphHolder");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> stage.isFullScreen());
        assertTrue(window.isPresenting());
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !stage.isFullScreen());
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> stage.isFullScreen());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !stage.isFullScreen());
    }

    @Test
    void f1ShowsTheShortcutsOfEveryTab(FxRobot robot) throws Exception {
        robot.interact(() -> { // the README's picture: light, at 100%
            window.setTheme(Theme.LIGHT);
            window.setZoom(1);
        });
        robot.clickOn("#graphHolder");
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ShortcutsDialog.ID).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + ShortcutsDialog.ID).queryAs(DialogPane.class);
        var titles = robot.from(pane).lookup("." + Styles.SHORTCUTS_SECTION).queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(java.util.List.of("Everywhere", "Step through", "MNIST", "Playground", "Gradient flow",
                "Landscape"), titles);
        assertTrue(robot.from(pane).lookup("." + Styles.SHORTCUTS_KEYS).queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("F5")));
        Screenshots.write(robot, pane.getScene(), "shortcuts.png");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
    }

    @Test
    void closingTheWindowSavesItsSizeAndLesson(FxRobot robot) {
        robot.interact(() -> {
            window.stepper().open("04_softmax_cross_entropy.bp",
                    org.backproplab.stepper.ShippedLessons.source("04_softmax_cross_entropy"));
            stage.setWidth(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, stage.getScene().getWidth());
        robot.interact(stage::hide);
        Preferences saved = saved();
        assertEquals(1000, saved.width());
        assertEquals("04_softmax_cross_entropy.bp", saved.lesson());
        assertEquals(Theme.DARK, saved.theme());
    }

    private Preferences saved() {
        return Preferences.load(file, Preferences.defaults(Language.SIMPLIFIED_CHINESE));
    }
}
