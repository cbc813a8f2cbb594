package org.backproplab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless, for TestFX tests: {@link #open} shows a {@link MainWindow} in a language on the
 * stage TestFX hands in and keeps both in {@link #stage} and {@link #window}; the helpers select a tab of
 * {@code #mainTabs}, wait for a condition and close the dialogs a test left open.
 *
 * <p>A test class extends this and still writes its own one-line {@code @Start} method calling {@link #open}:
 * TestFX's {@link ApplicationExtension} (4.0.x) looks for {@code @Start} among the test class's own declared
 * methods only, not inherited ones.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowFixture {

    /**
     * How long a window test waits for what it waits for. A wait returns as soon as its condition holds, so only a
     * failing test waits this long; a CI machine busier than this one ran out of the 5-10 s the tests had before.
     */
    public static final int WAIT_SECONDS = 60;

    protected Stage stage;
    protected MainWindow window;

    /** Opens the main window on {@code stage} in {@code language}; call it from the test's {@code @Start}. */
    protected final void open(Stage stage, Language language) {
        this.stage = stage;
        window = new MainWindow(stage, language);
        window.show();
    }

    /** Selects the tab of {@code #mainTabs} with this id and lets its listeners run. */
    protected static void selectTab(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * After every test, its window is closed as a person closes it — the dialogs it left open, then the main window,
     * which stops the tabs' runs and pollers (the next test's {@code @Start} shows the stage again): otherwise a
     * test's training thread or timer goes on into the next test of the same JVM, and MnistTabTest, which checks that
     * nothing keeps the toolkit pulsing while a run is paused, would count its pulses.
     */
    @AfterEach
    void closeWhatTheTestLeftOpen() {
        if (stage != null) {
            FxRobot robot = new FxRobot();
            closeOtherWindows(robot);
            robot.interact(stage::hide);
        }
    }

    /** Closes every stage but the main window's (dialogs a test opened), for an {@code @AfterEach}. */
    protected final void closeOtherWindows(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).toList().forEach(w -> ((Stage) w).close()));
    }

    /**
     * Waits until {@code condition} holds, then lets the FX thread finish what the change set off (its listeners);
     * fails with how long it waited if it never holds.
     */
    public static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s in vain", e);
        }
    }
}
