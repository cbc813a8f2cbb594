package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.backproplab.stepper.ShippedLessons;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tour of the main window for {@code screenshots/}: every tab of {@code #mainTabs} (a tab added later is in the
 * tour too) in both languages, {@code view-<tab>-<language>.png}, then the step-through view in the dark and the
 * high-contrast theme and at the presentation zoom. The MNIST tab and the gradient-flow lab are shown with their
 * data: the tour fails when MNIST does not load. Written to target/screenshots, or with
 * {@code -Dbackproplab.screenshots=screenshots} to the README's folder (see README, "Screenshots").
 */
class ScreenshotsTest extends MainWindowFixture {


    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void everyTabInBothLanguagesAndEveryTheme(FxRobot robot) throws Exception {
        // The step-through view in the middle of a backward pass, with a node inspected.
        robot.interact(() -> {
            window.stepper().open("02_sigmoid_neuron.bp", ShippedLessons.source("02_sigmoid_neuron"));
            window.stepper().finishPhase();
            for (int i = 0; i < 6; i++) {
                window.stepper().step();
            }
            window.stepper().select(0);
        });
        for (Language language : Language.values()) {
            robot.interact(() -> window.switchLanguage(language));
            TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
            for (Tab tab : List.copyOf(tabs.getTabs())) {
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                if (MainWindow.MNIST_TAB.equals(tab.getId())) {
                    // the tour shows the tab with its digits: a failed load is a failed tour, not a picture of the error
                    assertLoaded(window.mnist().dataStateProperty(), window.mnist().dataErrorProperty(), "MNIST tab");
                }
                if (MainWindow.GRADFLOW_TAB.equals(tab.getId())) {
                    assertLoaded(window.gradflow().dataStateProperty(), window.gradflow().dataErrorProperty(),
                            "gradient-flow lab");
                }
                String name = "view-" + tab.getId().replaceFirst("Tab$", "") + "-" + tag(language) + ".png";
                assertDrawn(Screenshots.write(robot, stage.getScene(), name), name);
            }
            robot.interact(() -> tabs.getSelectionModel().select(0));
        }
        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
        for (Theme theme : List.of(Theme.DARK, Theme.HIGH_CONTRAST)) {
            robot.interact(() -> window.setTheme(theme));
            String name = "theme-" + theme.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png";
            assertDrawn(Screenshots.write(robot, stage.getScene(), name), name);
        }
        robot.interact(() -> {
            window.setTheme(Theme.LIGHT);
            window.setZoom(1.75);
        });
        assertDrawn(Screenshots.write(robot, stage.getScene(), "presentation-zoom-175.png"), "zoom");
        robot.interact(() -> window.setZoom(1));
    }

    /** Waits for a tab's MNIST to load (or fail) and fails the tour if it did not load. */
    private static void assertLoaded(ReadOnlyObjectProperty<BackgroundLoad.State> state, ReadOnlyStringProperty error,
                                     String where) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> state.get() == BackgroundLoad.State.READY || state.get() == BackgroundLoad.State.FAILED);
        assertEquals(BackgroundLoad.State.READY, state.get(), where + ": MNIST did not load: " + error.get());
    }

    private static String tag(Language language) {
        return language == Language.ENGLISH ? "en" : "zh_CN";
    }

    private static void assertDrawn(BufferedImage image, String name) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, name + " has only " + colours.size() + " colours: is anything drawn?");
    }
}
