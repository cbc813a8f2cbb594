package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Pulses;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The MNIST tab in the main window, headless: train from the tab, pause, resume and stop it while the window
 * keeps answering, and look at every view, writing a snapshot PNG of each to target/screenshots (or where
 * {@code backproplab.screenshots} says: the README's are made with {@code screenshots}).
 */
class MnistTabTest extends MainWindowFixture {

    private MnistTabModel model;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        model = window.mnist();
    }

    @AfterEach
    void stopTraining(FxRobot robot) throws Exception {
        robot.interact(model::stop);
        waitFor(WAIT_SECONDS, () -> !model.trainingBinding().get());
    }

    @Test
    void startPauseResumeAndStopFromTheTabWhileTheWindowAnswers(FxRobot robot) throws Exception {
        openTab(robot);
        type(robot, "#layersField", "784,16,10");
        // 500 epochs: the run must still be going when Pause is clicked, however fast the engine gets.
        type(robot, "#epochsField", "500");
        assertEquals(Preset.CUSTOM, model.form().presetProperty().get());
        robot.clickOn("#startButton");
        waitFor(WAIT_SECONDS, () -> model.progressProperty().get() != null);
        assertTrue(label(robot, "#runStatusLabel").matches("Training: epoch \\d+ of 500, batch \\d+ of 469"),
                label(robot, "#runStatusLabel"));
        assertTrue(robot.lookup("#layersField").query().isDisabled(), "the form is locked while training");
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());

        // The UI thread answers while training: a round trip through it (which includes waiting for a pulse) is
        // quick as a rule and never stalls, even on two busy cores.
        long[] answers = new long[11];
        for (int i = 0; i < answers.length; i++) {
            long t0 = System.nanoTime();
            robot.interact(() -> { });
            answers[i] = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(20);
        }
        long[] sorted = answers.clone();
        java.util.Arrays.sort(sorted);
        String seen = java.util.Arrays.toString(answers) + " ms";
        assertTrue(sorted[answers.length / 2] < 300, "the UI thread answers slowly while training: " + seen);
        assertTrue(sorted[answers.length - 1] < 1500, "the UI thread stalled while training: " + seen);

        robot.clickOn("#pauseButton");
        assertEquals(MnistTabModel.RunState.PAUSED, model.runStateProperty().get());
        assertTrue(robot.lookup("#resumeButton").query().isVisible());
        Thread.sleep(200); // one batch may still finish
        var held = model.progressProperty().get();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, model.progressProperty().get(), "paused: no batch moves");
        assertTrue(label(robot, "#runStatusLabel").startsWith("Paused at epoch"), label(robot, "#runStatusLabel"));
        // m:ss, or h:mm:ss when a loaded machine makes 500 epochs last hours
        assertTrue(label(robot, "#etaValue").matches("\\d+(:\\d\\d){1,2}"), "time left: " + label(robot, "#etaValue"));
        // Nothing new, nothing to draw: no timer keeps the toolkit pulsing (a playing Timeline does, 60 times a second).
        // A tooltip the robot's pointer left fading in is a short animation, not a timer: some half second of the
        // next six must be quiet (a playing Timeline would fill every one).
        // A focused text field's caret blinks by a Timeline of its own, which pulses the toolkit too: after Pause the
        // focus is on Resume, not in the epochs field typed into before Start; and no dialog an earlier test closed
        // leaves its caret blinking (Carets).
        assertEquals(robot.lookup("#resumeButton").query(), stage.getScene().getFocusOwner());
        List<Integer> counts = Pulses.untilQuiet(robot, stage);
        assertTrue(Pulses.quiet(counts), "a pause: " + Pulses.explain(counts, stage));
        snapshot(robot, "mnist-paused.png");

        robot.clickOn("#resumeButton");
        waitFor(WAIT_SECONDS, () -> model.progressProperty().get() != held);
        assertEquals(MnistTabModel.RunState.RUNNING, model.runStateProperty().get());

        robot.clickOn("#stopButton");
        waitFor(WAIT_SECONDS, () -> model.runStateProperty().get() == MnistTabModel.RunState.STOPPED);
        assertTrue(label(robot, "#runStatusLabel").startsWith("Stopped in epoch"), label(robot, "#runStatusLabel"));
        assertTrue(label(robot, "#accuracyValue").endsWith("%"), "tested where it stopped: " + label(robot, "#accuracyValue"));
        assertNotNull(model.confusionProperty().get());
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled(), "ready for another run");
        assertTrue(model.digitsProperty().get().stream().allMatch(c -> c.prediction() == null),
                "views out of sight are not recomputed while training");
        selectView(robot, "digitsTab");
        assertTrue(model.digitsProperty().get().stream().allMatch(c -> c.prediction() != null),
                "shown, the digits get the model's guesses");
    }

    @Test
    void aFinishedRunFillsEveryView(FxRobot robot) throws Exception {
        openTab(robot);
        // The preset the README shows: 784-128-10, Adam 0.001, batch 128, 5 epochs on all 60,000 images.
        assertEquals(Preset.MLP_128, model.form().presetProperty().get());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> lossChart = robot.lookup("#lossChart").queryAs(LineChart.class);
        AtomicInteger chartChanges = new AtomicInteger();
        AtomicInteger modelChanges = new AtomicInteger();
        ListChangeListener<XYChart.Data<Number, Number>> countChart = c -> chartChanges.incrementAndGet();
        ListChangeListener<LossCurve.Point> countModel = c -> modelChanges.incrementAndGet();
        robot.interact(() -> {
            lossChart.getData().get(0).getData().addListener(countChart);
            model.lossPoints().addListener(countModel);
        });
        robot.clickOn("#startButton");
        waitFor(90, () -> model.runStateProperty().get() == MnistTabModel.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            lossChart.getData().get(0).getData().removeListener(countChart);
            model.lossPoints().removeListener(countModel);
        });
        assertTrue(modelChanges.get() < model.lossPoints().size() / 5, modelChanges.get() + " updates of "
                + model.lossPoints().size() + " points: the chart is fed at most once a second");
        assertEquals(modelChanges.get(), chartChanges.get(), "the points of an update go into the chart at once");

        assertEquals("Finished 5 epochs.", label(robot, "#runStatusLabel"));
        assertEquals(5, model.accuracyPoints().size());
        assertTrue(model.testAccuracyProperty().get() > 0.97, "accuracy " + model.testAccuracyProperty().get());
        assertEquals("60,000", label(robot, "#imagesValue"));
        assertTrue(model.lossPoints().size() > 50, "loss points " + model.lossPoints().size());
        assertTrue(label(robot, "#confusionCaption").startsWith("10,000 test images"), label(robot, "#confusionCaption"));
        snapshot(robot, "mnist-training.png");

        selectView(robot, "digitsTab");
        MnistTabModel.DigitCell wrong = model.digitsProperty().get().stream().filter(MnistTabModel.DigitCell::wrong)
                .findFirst().orElse(model.digitsProperty().get().get(8));
        Node cell = robot.lookup(".digit-cell").nth(wrong.index() % MnistTabModel.DIGITS_PER_PAGE).query();
        robot.clickOn(cell);
        assertEquals(wrong.index(), model.selectedDigitProperty().get());
        assertNotNull(model.gradientProperty().get());
        assertTrue(label(robot, "#gradientCaption").startsWith("Test image " + (wrong.index() + 1)),
                label(robot, "#gradientCaption"));
        assertEquals(MnistTabModel.DIGITS_PER_PAGE, robot.lookup(".digit-cell").queryAll().size());
        snapshot(robot, "mnist-digits.png");

        // FGSM on a digit the model gets right: every pixel within ε = 0.1 of the original and in [0, 1]
        MnistTabModel.DigitCell right = model.digitsProperty().get().stream().filter(c -> !c.wrong()).findFirst()
                .orElseThrow();
        Node rightCell = robot.lookup(".digit-cell").nth(right.index() % MnistTabModel.DIGITS_PER_PAGE).query();
        robot.clickOn(rightCell);
        assertEquals("Press Attack: the selected digit is nudged, every pixel by at most ε, in the direction that "
                + "raises the loss, and the model predicts again.", label(robot, "#fgsmNote"));
        robot.clickOn("#fgsmButton");
        MnistTabModel.Attack attack = model.attackProperty().get();
        assertNotNull(attack);
        assertEquals(right.index(), attack.index());
        assertEquals(0.1, attack.epsilon());
        float[] x = model.testPixels(right.index());
        float[] adv = attack.adversarial();
        for (int p = 0; p < x.length; p++) {
            assertTrue(adv[p] >= 0 && adv[p] <= 1 && Math.abs(adv[p] - x[p]) <= 0.1 + 1e-6, "pixel " + p);
        }
        assertTrue(label(robot, "#fgsmNote").startsWith("The label is " + right.label() + "."),
                label(robot, "#fgsmNote"));
        snapshot(robot, "mnist-attack.png");
        robot.clickOn(cell);
        assertEquals(wrong.index(), model.attackProperty().get().index(), "the attack follows the digit selected");
        robot.clickOn("#nextDigits");
        assertEquals(MnistTabModel.DIGITS_PER_PAGE, model.digitsProperty().get().get(0).index());

        selectView(robot, "weightsTab");
        assertEquals(32, robot.lookup(".weights-cell").queryAll().size());
        assertTrue(label(robot, "#weightsCaption").contains("32 of 128 units"), label(robot, "#weightsCaption"));
        snapshot(robot, "mnist-weights.png");

        selectView(robot, "drawTab");
        drawASeven(robot);
        double[] p = model.drawnProbabilitiesProperty().get();
        assertNotNull(p, "a drawing and a model give probabilities");
        assertTrue(label(robot, "#verdictLabel").startsWith("It looks like a "), label(robot, "#verdictLabel"));
        snapshot(robot, "mnist-draw.png");
        robot.clickOn("#clearButton");
        assertTrue(model.sketch().isEmpty());
        assertEquals("Draw a digit to see what the model makes of it.", label(robot, "#verdictLabel"));

        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        selectView(robot, "progressTab");
        assertEquals("已完成 5 轮训练。", label(robot, "#runStatusLabel"), "the reloaded view shows the same run");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> accuracyChart = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        assertEquals(5, accuracyChart.getData().get(0).getData().size(), "the reloaded chart has every epoch");
        snapshot(robot, "mnist-training-zh_CN.png");
        selectView(robot, "digitsTab");
        robot.interact(() -> model.selectDigit(right.index()));
        assertTrue(label(robot, "#fgsmNote").startsWith("标签是 " + right.label()), label(robot, "#fgsmNote"));
        snapshot(robot, "mnist-attack-zh_CN.png");
    }

    @Test
    void aBadSettingIsNamedAndBlocksStart(FxRobot robot) throws Exception {
        openTab(robot);
        type(robot, "#learningRateField", "fast");
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#learningRateField").query().getStyleClass().contains("invalid"));
        assertEquals("The learning rate is a number above 0 and at most 10, like 0.001.", label(robot, "#problemLabel"));
        type(robot, "#learningRateField", "0.001");
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        assertEquals(Preset.MLP_128, model.form().presetProperty().get(), "the fields match a preset again");
        robot.interact(() -> model.form().presetProperty().set(Preset.KERAS_CLASSIC));
        assertEquals("784,10,10", robot.lookup("#layersField").queryAs(TextField.class).getText());
        assertEquals("32", robot.lookup("#batchSizeField").queryAs(TextField.class).getText());
    }

    @Test
    void theKeyboardStartsAndStopsTraining(FxRobot robot) throws Exception {
        openTab(robot);
        robot.interact(() -> {
            model.form().layersProperty().set("784,8,10");
            model.form().epochsProperty().set("500");
            model.trainingLimitProperty().set(3000);
        });
        robot.clickOn("#epochsField").type(KeyCode.ENTER); // Start is the default button
        waitFor(WAIT_SECONDS, () -> model.progressProperty().get() != null);
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT); // S_top
        waitFor(WAIT_SECONDS, () -> model.runStateProperty().get() == MnistTabModel.RunState.STOPPED);
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT); // _Start again
        waitFor(WAIT_SECONDS, () -> model.runStateProperty().get() == MnistTabModel.RunState.RUNNING);
    }

    private void openTab(FxRobot robot) throws Exception {
        selectTab(robot, "mnistTab");
        waitFor(20, () -> model.dataStateProperty().get() == BackgroundLoad.State.READY);
    }

    private static void selectView(FxRobot robot, String id) {
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        Tab tab = views.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> views.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A).eraseText(1).write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, robot.lookup(query).queryAs(TextField.class).getText());
    }

    /** A 7 with the mouse: a bar across the top, then down to the left. */
    private static void drawASeven(FxRobot robot) {
        Node pad = robot.lookup("#drawingPad").query();
        robot.moveTo(pad.localToScreen(80, 70)).press(MouseButton.PRIMARY)
                .moveTo(pad.localToScreen(200, 70))
                .moveTo(pad.localToScreen(150, 150))
                .moveTo(pad.localToScreen(120, 220))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }


    private BufferedImage snapshot(FxRobot robot, String fileName) throws IOException {
        return Screenshots.write(robot, stage.getScene(), fileName);
    }
}
