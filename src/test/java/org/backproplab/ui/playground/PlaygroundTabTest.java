package org.backproplab.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;

import org.backproplab.data.ToyData;
import org.backproplab.labs.Playground;
import org.backproplab.stepper.Phase;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.backproplab.ui.Format;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Playground tab in the main window, headless: play, pause, step and reset from the toolbar while the window keeps
 * answering, a malformed CSV named in the tab, a weight clicked and explained in the step-through view. Writes the
 * README's screenshots (to target/screenshots, or where {@code backproplab.screenshots} says).
 */
class PlaygroundTabTest extends MainWindowFixture {

    private PlaygroundTabModel model;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        model = window.playground();
    }

    @Test
    void playPauseStepAndResetFromTheToolbar(FxRobot robot) throws Exception {
        openTab(robot);
        waitFor(WAIT_SECONDS, () -> model.frameProperty().get() != null);
        assertEquals("000,000", label(robot, "#pgEpochLabel"));
        assertEquals("Circle: 250 training and 250 test points", label(robot, "#pgSourceLabel"));

        robot.clickOn("#pgPlayButton");
        assertTrue(model.playingProperty().get());
        assertEquals("Pause", robot.lookup("#pgPlayButton").queryAs(Button.class).getText().replace("_", ""));
        assertTrue(robot.lookup("#pgStepButton").queryAs(Button.class).isDisabled(), "no single steps while playing");
        waitFor(WAIT_SECONDS, () -> model.frameProperty().get().epoch() > 0);

        // While it plays, the boundary is redrawn from the frames; count how often, over two seconds.
        BoundaryView boundary = robot.lookup("#pgBoundaryView").queryAs(BoundaryView.class);
        long[] before = new long[2];
        robot.interact(() -> {
            before[0] = boundary.updates();
            before[1] = model.frameProperty().get().epoch();
        });
        long t0 = System.nanoTime();
        long slowest = 0;
        while (System.nanoTime() - t0 < 2_000_000_000L) {
            long t = System.nanoTime();
            robot.interact(() -> { });
            slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
            Thread.sleep(20);
        }
        long[] after = new long[2];
        robot.interact(() -> {
            after[0] = boundary.updates();
            after[1] = model.frameProperty().get().epoch();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "playground tab (JavaFX, headless): boundary redrawn %.1f times/s "
                + "(target >= 20), %.0f epochs/s, slowest round trip to the FX thread %d ms%n",
                (after[0] - before[0]) / seconds, (after[1] - before[1]) / seconds, slowest);
        assertTrue(after[0] > before[0] && after[1] > before[1], "the boundary and the epochs move while playing");
        assertTrue(slowest < 1500, "the JavaFX thread stalled for " + slowest + " ms while training");

        robot.clickOn("#pgPlayButton");
        assertFalse(model.playingProperty().get());
        settle();
        int paused = model.frameProperty().get().epoch();
        Thread.sleep(300);
        settle();
        assertEquals(paused, model.frameProperty().get().epoch(), "paused: no epoch moves");
        assertEquals(PlaygroundTabTest.epochText(paused), label(robot, "#pgEpochLabel"));

        robot.clickOn("#pgStepButton");
        settle();
        assertEquals(paused + 1, model.frameProperty().get().epoch(), "Step is one epoch");
        assertEquals(PlaygroundTabTest.epochText(paused + 1), label(robot, "#pgEpochLabel"));
        assertEquals(paused + 1, model.frameProperty().get().trainLoss().count(), "a loss for every epoch");

        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT); // _Reset
        settle();
        assertEquals(0, model.frameProperty().get().epoch());
        assertEquals("000,000", label(robot, "#pgEpochLabel"));
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT); // _Step
        settle();
        assertEquals(1, model.frameProperty().get().epoch(), "the keyboard steps too");
    }

    @Test
    void aMalformedCsvShowsItsErrorAndAGoodOneIsLoaded(FxRobot robot) throws Exception {
        openTab(robot);
        waitFor(WAIT_SECONDS, () -> model.frameProperty().get() != null);
        PlaygroundData shape = model.dataProperty().get();
        Path malformed = fixture("malformed.csv");
        Path clusters = fixture("clusters.csv");
        robot.interact(() -> model.loadCsv(malformed));
        settle();
        assertTrue(robot.lookup("#pgDataErrorBox").query().isVisible());
        assertEquals("Could not load malformed.csv: line 4, column 2: 'oops' is not a number",
                label(robot, "#pgDataErrorLabel"));
        assertEquals(shape, model.dataProperty().get(), "the points stay as they were");
        robot.interact(() -> model.setNoise(0.2));
        Screenshots.write(robot, stage.getScene(), "playground-csv-error.png");

        robot.interact(() -> model.loadCsv(clusters));
        settle();
        assertFalse(robot.lookup("#pgDataErrorBox").query().isVisible(), "a good file clears the message");
        assertEquals("From clusters.csv: 30 training and 30 test points", label(robot, "#pgSourceLabel"));
        assertEquals(30, model.frameProperty().get().data().train().size(), "the network trains on the file's points");
        robot.clickOn("#pgStepButton");
        settle();
        assertEquals(1, model.frameProperty().get().epoch());
    }

    @Test
    void aClickedWeightShowsItsNumbersAndExplainOpensItsChainRule(FxRobot robot) throws Exception {
        openTab(robot);
        waitFor(WAIT_SECONDS, () -> model.frameProperty().get() != null);
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#pgStepButton");
        }
        settle();
        assertEquals(3, model.frameProperty().get().epoch());

        // The link from x1 to the first neuron of hidden layer 1: its middle is the highest of all links' middles.
        CubicCurve link = robot.lookup("#pgLink-0-0-0").queryAs(CubicCurve.class);
        robot.clickOn(link.localToScreen((link.getStartX() + link.getEndX()) / 2,
                (link.getStartY() + link.getEndY()) / 2));
        assertEquals(ParamRef.weight(0, 0, 0), model.selectedProperty().get());
        assertEquals("Weight W1[1,1]", label(robot, "#pgParamTitle"));
        assertEquals("From input x₁ to neuron 1 of hidden layer 1.", label(robot, "#pgParamDetail"));
        NetworkSnapshot net = model.frameProperty().get().network();
        ParamRef w = ParamRef.weight(0, 0, 0);
        assertEquals(Format.number(net.value(w)), label(robot, "#pgParamValue"));
        assertEquals(Format.number(net.gradient(w)), label(robot, "#pgParamGradient"));
        assertEquals(Format.number(net.update(w)), label(robot, "#pgParamUpdate"));
        assertEquals(-0.03 * net.gradient(w), net.update(w), 1e-12,
                "plain SGD: the last update is −η times the gradient kept from the last step");

        robot.clickOn("#pgNeuron-2-1");
        assertEquals(ParamRef.bias(1, 1), model.selectedProperty().get());
        assertEquals("Bias b2[2]", label(robot, "#pgParamTitle"));
        robot.type(KeyCode.RIGHT);
        assertEquals(ParamRef.weight(2, 0, 0), model.selectedProperty().get(), "→ walks on to the next parameter");
        robot.type(KeyCode.LEFT, 2);
        assertEquals(ParamRef.weight(1, 3, 1), model.selectedProperty().get());

        robot.clickOn(link.localToScreen((link.getStartX() + link.getEndX()) / 2,
                (link.getStartY() + link.getEndY()) / 2));
        Screenshots.write(robot, stage.getScene(), "playground-weight.png");
        robot.clickOn("#pgExplainButton");
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        waitFor(WAIT_SECONDS, () -> "stepperTab".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        var frame = window.stepper().frame();
        assertEquals(Phase.BACKWARD, frame.phase());
        assertTrue(frame.explanation().lines().get(0).startsWith("∂L/∂W1 += "), frame.explanation().lines().toString());
        assertEquals("playground.bp", window.stepper().lessonNameProperty().get());
        assertEquals("W1", window.stepper().stepper().graph().node(window.stepper().selectedProperty().get()).name(),
                "the inspector shows W1");
        assertTrue(window.stepper().sourceProperty().get().contains("W1[1,1] is row 1, column 1 of W1."));
        Screenshots.write(robot, stage.getScene(), "playground-explain.png");
    }

    @Test
    void editingTheNetworkRedrawsIt(FxRobot robot) throws Exception {
        openTab(robot);
        waitFor(WAIT_SECONDS, () -> model.frameProperty().get() != null);
        robot.clickOn("#pgAddLayerButton");
        settle();
        assertEquals(List.of(4, 2, 2), model.settings().hidden());
        assertEquals(5, model.frameProperty().get().pictures().length);
        robot.clickOn("#pgAddNeuron3");
        settle();
        assertEquals(List.of(4, 2, 3), model.settings().hidden());
        assertNotNull(robot.lookup("#pgNeuron-3-2").query(), "the new neuron is drawn");
        robot.clickOn("#pgFeatureSinX1");
        settle();
        assertEquals(List.of(Playground.Feature.X1, Playground.Feature.X2, Playground.Feature.SIN_X1),
                model.settings().features());
        assertEquals(3, model.frameProperty().get().pictures()[0].length);
        robot.interact(() -> model.setShape(ToyData.Kind.XOR));
        settle();
        assertEquals("XOR: 250 training and 250 test points", label(robot, "#pgSourceLabel"));
    }

    /**
     * The README's screenshots: the spiral learnt by two layers of eight tanh neurons on x1, x2 and the sines, with a
     * weight chosen; and the same in Chinese.
     */
    @Test
    void screenshots(FxRobot robot) throws Exception {
        openTab(robot);
        robot.interact(() -> {
            model.setShape(ToyData.Kind.SPIRAL);
            model.setNoise(0.05);
            model.setFeature(Playground.Feature.SIN_X1, true);
            model.setFeature(Playground.Feature.SIN_X2, true);
            model.addNeuron(0);
            model.addNeuron(0);
            model.addNeuron(1);
            model.addNeuron(1);
            model.addNeuron(1);
            model.speedProperty().set(PlaygroundRun.FASTEST);
        });
        settle();
        robot.interact(model::play);
        waitFor(30, () -> model.frameProperty().get().epoch() >= 400);
        robot.interact(model::pause);
        settle();
        robot.interact(() -> model.select(ParamRef.weight(1, 2, 3)));
        settle();
        double accuracy = model.frameProperty().get().accuracy();
        assertTrue(accuracy > 0.8, "the spiral is learnt: " + accuracy);
        Screenshots.write(robot, stage.getScene(), "playground-spiral.png");
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        openTab(robot);
        settle();
        assertEquals("权重 W2[3,4]", label(robot, "#pgParamTitle"), "the reloaded view shows the same choice");
        Screenshots.write(robot, stage.getScene(), "playground-zh_CN.png");
    }

    // ---- helpers ----

    static String epochText(int epoch) {
        return Format.epoch(epoch);
    }

    private void openTab(FxRobot robot) {
        selectTab(robot, "playgroundTab");
    }

    /** Waits until the training thread has done what was asked and its last frame is shown. */
    private void settle() throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        model.run().then(() -> done.complete(null));
        done.get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PlaygroundTabTest.class.getResource("/ui/playground/" + name).toURI());
    }

    private static String label(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }

}
