package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.backproplab.AppInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, headless (Monocle): title, menus, language switch, dialogs, and a snapshot PNG to look at. */
class MainWindowTest extends MainWindowFixture {


    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        closeOtherWindows(robot);
    }

    @Test
    void titleIsTheAppName() {
        assertEquals("Backprop Lab", stage.getTitle());
    }

    @Test
    void menuBarHasFileViewHelp(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(List.of("File", "View", "Help"), bar.getMenus().stream().map(m -> plain(m.getText())).toList());
        List<String> file = itemTexts(bar.getMenus().get(0));
        assertEquals(List.of("Open Lesson…", "Save Session…", "Open Session…", "Open Course…", "Open Setup…",
                "Save Setup…", "Export", "Quit"), file);
        Menu export = (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "exportMenu".equals(i.getId()))
                .findFirst().orElseThrow();
        assertEquals(List.of("Graph as PNG…", "Graph as SVG…", "Metrics as CSV…"), itemTexts(export));
        assertEquals(List.of("Language", "Theme", "Zoom in", "Zoom out", "Actual size (100%)", "Presentation mode",
                "Course panel", "Previous course page", "Next course page", "The primer's course"),
                itemTexts(bar.getMenus().get(1)));
        assertEquals(List.of("English", "简体中文"), itemTexts((Menu) bar.getMenus().get(1).getItems().get(0)));
        assertEquals(List.of("Keyboard shortcuts", "Glossary", "About Backprop Lab"), itemTexts(bar.getMenus().get(2)));
    }

    @Test
    void openIsControlOAndQuitControlQ(FxRobot robot) {
        List<MenuItem> file = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getItems();
        assertEquals(KeyCombination.keyCombination("Shortcut+O"), file.get(0).getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+S"), file.get(1).getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+O"), file.get(2).getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+Q"), file.get(file.size() - 1).getAccelerator());
    }

    @Test
    void theStepThroughViewIsTheFirstTabWithTheCircuitLoaded(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals("Step through", tabs.getTabs().get(0).getText());
        assertEquals("01_circuit.bp", robot.lookup("#fileLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#kernelLabel").queryAs(Label.class).getText().startsWith("Matrix kernel: "));
        assertEquals("Ready", robot.lookup("#statusLabel").queryAs(Label.class).getText());
    }

    @Test
    void switchingLanguageTranslatesTheWindow(FxRobot robot) throws IOException {
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(List.of("文件", "视图", "帮助"), bar.getMenus().stream().map(m -> plain(m.getText())).toList());
        assertEquals("逐步演示", robot.lookup("#mainTabs").queryAs(TabPane.class).getTabs().get(0).getText());
        assertEquals(Language.SIMPLIFIED_CHINESE, window.language());
        snapshot(robot, "main-window-zh_CN.png");

        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
        assertEquals("Step through", robot.lookup("#mainTabs").queryAs(TabPane.class).getTabs().get(0).getText());
    }

    @Test
    void aboutShowsNameAndVersion(FxRobot robot) throws IOException {
        MenuItem about = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(2).getItems().get(2);
        // The dialog waits for its Close button, so the item is fired later, not inside interact().
        Platform.runLater(about::fire);
        DialogPane pane = waitForDialog(robot, "#" + AboutDialog.ID);
        assertEquals(AppInfo.NAME + " " + AppInfo.VERSION, pane.getHeaderText());
        assertTrue(pane.getContentText().contains("Java " + System.getProperty("java.version")), pane.getContentText());
        Screenshots.write(robot, pane.getScene(), "about-dialog.png");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
    }

    @Test
    void anUncaughtExceptionEndsInADialog(FxRobot robot) {
        ResourceBundle messages = window.messages();
        robot.interact(() -> ErrorDialog.report(Thread.currentThread(),
                new IllegalStateException("the lesson file is empty"), messages));
        DialogPane pane = waitForDialog(robot, "#" + ErrorDialog.ID);
        assertEquals("Something went wrong", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith("the lesson file is empty"), pane.getContentText());
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
    }

    /**
     * Writes main-window.png (to target/screenshots, or where {@code backproplab.screenshots} says), the window as it
     * is drawn, and checks it is not blank.
     */
    @Test
    void snapshotOfTheMainWindow(FxRobot robot) throws IOException {
        BufferedImage image = snapshot(robot, "main-window.png");
        assertEquals((int) MainWindow.WIDTH, image.getWidth());
        assertEquals((int) MainWindow.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the snapshot has only " + colours.size() + " colours: is anything drawn?");
    }

    private BufferedImage snapshot(FxRobot robot, String fileName) throws IOException {
        return Screenshots.write(robot, stage.getScene(), fileName);
    }

    private static DialogPane waitForDialog(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no dialog " + query + " appeared", e);
        }
        return robot.lookup(query).queryAs(DialogPane.class);
    }

    private static List<String> itemTexts(Menu menu) {
        return menu.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem)).map(i -> plain(i.getText()))
                .toList();
    }

    /** The text as shown: without the mnemonic marker, "_File" → "File", "文件(_F)" → "文件". */
    private static String plain(String text) {
        return text.replaceAll("\\(_\\w\\)$", "").replace("_", "");
    }
}
