package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.backproplab.stepper.Frame;
import org.backproplab.stepper.Phase;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.SessionFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.backproplab.nn.OptimizerKind;

/**
 * File ▸ Save session and Open session in the real window, headless, driven with a path in place of the native
 * chooser: a session saved mid-backward comes back at the same step with the same numbers, settings and inspector;
 * a corrupt file or a failed save shows the error dialog and leaves the view as it was.
 */
class SessionTest extends MainWindowFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        closeOtherWindows(robot);
    }

    /** The 2-2-2 network with Adam, three iterations in, three steps into the backward pass, W2 inspected. */
    private void stepIntoTheNetwork(FxRobot robot) {
        robot.interact(() -> {
            var model = window.stepper();
            model.open("03_two_layer_network.bp", ShippedLessons.source("03_two_layer_network"));
            model.setOptimizer(OptimizerKind.ADAM);
            model.setLearningRate(0.3);
            for (int k = 0; k < 3; k++) {
                model.finishPhase();
                model.finishPhase();
                model.finishPhase();
            }
            model.finishPhase();
            model.step();
            model.step();
            model.step();
            model.select(model.stepper().graph().nodes().stream().filter(n -> n.name().equals("W2")).findFirst()
                    .orElseThrow().index());
        });
    }

    @Test
    void aSessionSavedFromTheWindowOpensBackAtTheSameStep(FxRobot robot) throws Exception {
        stepIntoTheNetwork(robot);
        Frame before = window.stepper().frame();
        assertEquals(Phase.BACKWARD, before.phase());
        assertEquals(4, before.iteration());
        List<String> shown = shown(robot);
        Path file = dir.resolve("network.bpsession");
        await(() -> window.sessions().save(file));
        assertEquals("Session saved to network.bpsession.", text(robot, "#statusLabel"));
        assertTrue(Files.readString(file).startsWith("backprop-lab-session 1\n"));

        robot.interact(() -> { // somewhere else entirely
            window.stepper().open("01_circuit.bp", ShippedLessons.source("01_circuit"));
            window.stepper().setOptimizer(OptimizerKind.SGD);
            window.stepper().setLearningRate(0.1);
            window.stepper().step();
            window.showTab("playgroundTab");
        });
        await(() -> window.sessions().open(file));

        assertEquals(MainWindow.STEPPER_TAB, selectedTab(robot), "the session opens in the step-through view");
        assertTrue(before.showsSameAs(window.stepper().frame()), "the same step with the same numbers");
        assertEquals(shown, shown(robot));
        assertEquals("Session network.bpsession opened.", text(robot, "#statusLabel"));
        Screenshots.write(robot, stage.getScene(), "session-opened.png");

        // It goes on as the original would: the rest of the backward pass and the update, with Adam at 0.3.
        robot.interact(() -> window.stepper().finishPhase());
        assertTrue(text(robot, "#positionLabel").matches("Backward (\\d+) / \\1"), text(robot, "#positionLabel"));
        robot.interact(() -> window.stepper().finishPhase());
        List<String> update = window.stepper().frame().explanation().lines();
        assertTrue(update.stream().anyMatch(l -> l.contains("0.3")), "the update uses η = 0.3: " + update);
    }

    @Test
    void theEditorShowsTheSessionsLessonTextAfterAnEdit(FxRobot robot) throws Exception {
        Path file = dir.resolve("circuit.bpsession");
        await(() -> window.sessions().save(file)); // the circuit as opened
        var area = robot.lookup("#lessonText").queryAs(org.fxmisc.richtext.CodeArea.class);
        String original = area.getText();
        robot.interact(() -> {
            area.replaceText(original.replace("= -2", "= -3"));
            window.stepper().edit(area.getText()); // as the editor does after a pause in typing
        });
        assertTrue(window.stepper().stepper().lesson().source().contains("= -3"));
        await(() -> window.sessions().open(file));
        assertEquals(original, area.getText());
        assertEquals(original, window.stepper().stepper().lesson().source());
    }

    /** What the view shows: the readout, the file name, the formulas, the settings, the loss and the inspector. */
    private List<String> shown(FxRobot robot) {
        List<String> texts = new java.util.ArrayList<>(List.of(text(robot, "#positionLabel"), text(robot, "#fileLabel"),
                text(robot, "#noteLabel"), text(robot, "#lossLabel"),
                robot.lookup("#learningRateField").queryAs(TextField.class).getText(),
                String.valueOf(robot.lookup("#optimizerBox").queryAs(ComboBox.class).getValue()),
                String.valueOf(robot.lookup("#inspector").query().isVisible())));
        robot.lookup("#formulaBox").queryAs(VBox.class).getChildren().forEach(n -> texts.add(((Label) n).getText()));
        robot.lookup("#inspector").query().lookupAll(".label").forEach(n -> texts.add(((Label) n).getText()));
        return texts;
    }

    @Test
    void aCorruptFileShowsAnErrorAndLeavesTheViewAsItWas(FxRobot robot) throws Exception {
        stepIntoTheNetwork(robot);
        Frame before = window.stepper().frame();
        List<String> shown = shown(robot);
        robot.interact(() -> window.showTab("playgroundTab"));
        Path file = dir.resolve("broken.bpsession");
        Files.writeString(file, "backprop-lab-session 1\nlesson-name x.bp\noptimizer adam\nlearning-rate fast\n");

        ExecutionException e = assertThrows(ExecutionException.class, () -> await(() -> window.sessions().open(file)));
        assertTrue(e.getCause() instanceof SessionFileException, e.getCause().toString());
        DialogPane pane = dialog(robot);
        assertEquals("Could not open the session", pane.getHeaderText());
        assertEquals("broken.bpsession, line 4: \"fast\" is not a number", pane.getContentText());
        Screenshots.write(robot, pane.getScene(), "session-error.png");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());

        assertSame(before, window.stepper().frame(), "nothing changed");
        assertEquals("playgroundTab", selectedTab(robot), "the tab stays");
        robot.interact(() -> window.showTab(MainWindow.STEPPER_TAB));
        assertEquals(shown, shown(robot));
    }

    @Test
    void aFailedSaveSaysWhyAndKeepsTheEarlierFile(FxRobot robot) throws Exception {
        Path file = dir.resolve("kept.bpsession");
        await(() -> window.sessions().save(file));
        byte[] earlier = Files.readAllBytes(file);
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the folder should be");
        stepIntoTheNetwork(robot);
        assertThrows(ExecutionException.class,
                () -> await(() -> window.sessions().save(blocker.resolve("s.bpsession"))));
        DialogPane pane = dialog(robot);
        assertEquals("Could not save the session to s.bpsession", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("not-a-folder"), pane.getContentText());
        assertArrayEquals(earlier, Files.readAllBytes(file));
    }

    @Test
    void theSessionItemsAreOffWhileARunHasTheStepper(FxRobot robot) throws Exception {
        List<MenuItem> file = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getItems();
        MenuItem save = file.stream().filter(i -> "saveSessionItem".equals(i.getId())).findFirst().orElseThrow();
        MenuItem open = file.stream().filter(i -> "openSessionItem".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(!save.isDisable() && !open.isDisable());
        robot.interact(() -> window.stepper().startRun(1_000_000, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            t.start();
        }, javafx.application.Platform::runLater, new org.backproplab.ui.stepper.StepperViewModel.RunCallbacks() {
            @Override public void progress(int done, int total) { }
            @Override public void finished(int done) { }
        }));
        assertTrue(save.isDisable() && open.isDisable());
        robot.interact(() -> window.stepper().cancelRun());
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !window.stepper().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!save.isDisable() && !open.isDisable());
    }

    /** Starts the command on the JavaFX thread and waits for the file work and the view to finish. */
    private static void await(Supplier<CompletableFuture<Void>> command) throws Exception {
        Future<CompletableFuture<Void>> started = WaitForAsyncUtils.asyncFx(command::get);
        try {
            started.get(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } finally {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static DialogPane dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ErrorDialog.ID).tryQuery().isPresent());
        return robot.lookup("#" + ErrorDialog.ID).queryAs(DialogPane.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String selectedTab(FxRobot robot) {
        return robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }
}
