package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.backproplab.nn.Clipping;

/**
 * The gradient-flow lab in the main window, headless: switch BatchNorm on and the per-layer bars change; compare
 * mode trains two runs side by side on the same axes; an overflow pauses the lab and says where; a small network
 * opens in the step-through view. Writes a snapshot PNG of each view (see {@link Screenshots}).
 */
class GradFlowTabTest extends MainWindowFixture {

    private GradFlowTabModel model;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        model = window.gradflow();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(model::shutdown);
    }

    @Test
    void switchingBatchNormOnChangesThePerLayerBars(FxRobot robot) throws Exception {
        openTab(robot);
        LayerBars bars = robot.lookup("#gfGradBarsA").queryAs(LayerBars.class);
        double[] plain = bars.values();
        assertEquals(10, plain.length, "depth 10: ten bars");
        assertTrue(plain[0] < 1e-3 * plain[9], "sigmoid + Xavier: the first layer's gradient vanishes: "
                + plain[0] + " vs " + plain[9]);
        robot.interact(() -> stage.getScene().getRoot().layout());
        double[] plainHeights = bars.barHeights();
        assertTrue(plainHeights[0] < plainHeights[9] / 3, java.util.Arrays.toString(plainHeights));
        Screenshots.write(robot, stage.getScene(), "gradflow-vanishing.png");

        robot.clickOn("#gfBatchNormA");
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).config().batchNorm()
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        double[] normalised = bars.values();
        assertTrue(normalised[0] > 0.1 * normalised[9], "with BatchNorm within a factor of 10: "
                + normalised[0] + " vs " + normalised[9]);
        robot.interact(() -> stage.getScene().getRoot().layout());
        double[] heights = bars.barHeights();
        assertTrue(heights[0] > plainHeights[0] + 40, "the first bar grew: " + plainHeights[0] + " → " + heights[0]);
        assertTrue(label(robot, "#gfRunTitleA").contains("BatchNorm"), label(robot, "#gfRunTitleA"));
        Screenshots.write(robot, stage.getScene(), "gradflow-batchnorm.png");

        // Standing still, the lab stops polling (a running Timeline pulses the toolkit 60 times a second for ever);
        // a step sets it going until that step is drawn.
        waitFor(WAIT_SECONDS, () -> !model.polling());
        var before = model.runsProperty().get().get(0).latest();
        robot.interact(model::step); // drawn only if the step set the poller going again
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).latest() != before && !model.polling());
    }

    @Test
    void theLocalDerivativeViewShowsWhyASigmoidNetworkVanishesAndWhatBatchNormDoes(FxRobot robot) throws Exception {
        openTab(robot);
        selectView(robot, "gfDerivativesTab");
        LayerBars derivatives = robot.lookup("#gfDerivBarsA").queryAs(LayerBars.class);
        LayerBars factors = robot.lookup("#gfFactorBarsA").queryAs(LayerBars.class);
        assertEquals(9, derivatives.values().length, "nine hidden layers");
        for (double d : derivatives.values()) {
            assertTrue(d > 0.2 && d <= 0.25, "σ′ = " + d);
        }
        assertEquals(9, factors.values().length);
        String note = label(robot, "#gfDerivNoteA");
        assertTrue(note.startsWith("Sigmoid: σ′ is at most 0.25 and is 0.2"), note);
        assertTrue(note.contains("each of the 9 hidden layers"), note);
        Screenshots.write(robot, stage.getScene(), "gradflow-derivatives.png");

        robot.clickOn("#gfBatchNormA");
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).config().batchNorm()
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        double product = 1;
        for (double f : factors.values()) {
            product *= f;
        }
        assertTrue(product > 0.3 && product < 3, "BatchNorm keeps the product near 1: " + product);
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        selectView(robot, "gfDerivativesTab");
        String zh = label(robot, "#gfDerivNoteA");
        assertTrue(zh.startsWith("Sigmoid：σ′ 最大只有 0.25"), zh);
        Screenshots.write(robot, stage.getScene(), "gradflow-derivatives-zh_CN.png");
    }

    @Test
    void compareModeTrainsTwoRunsSideBySideOnTheSameAxes(FxRobot robot) throws Exception {
        openTab(robot);
        assertFalse(robot.lookup("#gfRunHeaderB").query().isVisible(), "one configuration until comparing");
        robot.clickOn("#gfCompareBox");
        assertEquals(ComparePreset.ACTIVATION, model.form().presetProperty().get());
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().size() == 2
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        for (String id : List.of("#gfRunHeaderB", "#gfGradBarsB", "#gfHeatB", "#gfDepthB")) {
            assertTrue(robot.lookup(id).query().isVisible(), id + " is shown");
        }
        assertTrue(label(robot, "#gfRunTitleA").startsWith("Sigmoid · Xavier"), label(robot, "#gfRunTitleA"));
        assertTrue(label(robot, "#gfRunTitleB").startsWith("ReLU · He"), label(robot, "#gfRunTitleB"));

        robot.clickOn("#gfPlayButton");
        // The window answers while both train: a round trip through the UI thread (a pulse included) is quick.
        long[] answers = new long[9];
        for (int i = 0; i < answers.length; i++) {
            long t0 = System.nanoTime();
            robot.interact(() -> { });
            answers[i] = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(20);
        }
        long[] sorted = answers.clone();
        java.util.Arrays.sort(sorted);
        assertTrue(sorted[answers.length / 2] < 300, "the UI thread answers slowly: " + java.util.Arrays.toString(answers));
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(1).steps() >= 200);
        robot.clickOn("#gfPauseButton");
        // paused, and the step that was under way drawn: the poller stops only then
        waitFor(WAIT_SECONDS,
                () -> model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED && !model.polling());
        List<RunHistory.Snapshot> runs = model.runsProperty().get();
        assertEquals(runs.get(0).steps(), runs.get(1).steps(), "the two go step for step");
        double sigmoid = runs.get(0).latest().loss();
        double relu = runs.get(1).latest().loss();
        assertTrue(relu < sigmoid - 0.5, "ReLU + He learns, sigmoid + Xavier barely: " + relu + " vs " + sigmoid);

        LayerBars a = robot.lookup("#gfGradBarsA").queryAs(LayerBars.class);
        LayerBars b = robot.lookup("#gfGradBarsB").queryAs(LayerBars.class);
        assertEquals(a.tickExponents(), b.tickExponents(), "the same axis");
        assertTrue(robot.lookup("#gfHeatA").queryAs(HeatMapView.class).columns() > 100);
        Screenshots.write(robot, stage.getScene(), "gradflow-compare.png");

        selectView(robot, "gfUpdatesTab");
        assertEquals(robot.lookup("#gfRatioBarsA").queryAs(LayerBars.class).tickExponents(),
                robot.lookup("#gfRatioBarsB").queryAs(LayerBars.class).tickExponents());
        Screenshots.write(robot, stage.getScene(), "gradflow-updates.png");
        selectView(robot, "gfActivationsTab");
        HistogramStack sigmoidStack = robot.lookup("#gfHistogramsA").queryAs(HistogramStack.class);
        HistogramStack reluStack = robot.lookup("#gfHistogramsB").queryAs(HistogramStack.class);
        assertEquals(9, sigmoidStack.notes().size(), "nine hidden layers");
        assertTrue(sigmoidStack.notes().get(0).startsWith("saturated "), sigmoidStack.notes().get(0));
        assertTrue(reluStack.notes().get(0).matches("zero \\d+% · dead \\d+/64"), reluStack.notes().get(0));
        Screenshots.write(robot, stage.getScene(), "gradflow-activations.png");
        selectView(robot, "gfLossTab");
        Screenshots.write(robot, stage.getScene(), "gradflow-loss.png");

        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        selectView(robot, "gfGradientsTab");
        assertTrue(label(robot, "#gfRunStatusLabel").startsWith("已暂停"), label(robot, "#gfRunStatusLabel"));
        assertTrue(robot.lookup("#gfGradBarsB").query().isVisible(), "the reloaded view still compares");
        Screenshots.write(robot, stage.getScene(), "gradflow-compare-zh_CN.png");
    }

    @Test
    void anOverflowPausesTheLabAndSaysWhere(FxRobot robot) throws Exception {
        openTab(robot);
        robot.interact(() -> {
            model.form().a().activationProperty().set(Activation.Kind.RELU);
            model.form().a().initProperty().set(Initializer.Scheme.NORMAL);
        });
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).config().init() == Initializer.Scheme.NORMAL
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        assertTrue(model.runsProperty().get().get(0).latest().gradNormBeforeClip() > 1e3, "ReLU + normal explodes");
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT); // _Start
        waitFor(20, () -> model.runsProperty().get().get(0).overflow() != null);
        assertEquals(org.backproplab.ui.mnist.MnistTabModel.RunState.IDLE, window.mnist().runStateProperty().get(),
                "Alt+S is the Start of the tab in sight, not the MNIST tab's");
        waitFor(WAIT_SECONDS, () -> model.runStateProperty().get() == GradFlowTabModel.RunState.HALTED);
        RunHistory.Overflow o = model.runsProperty().get().get(0).overflow();
        assertTrue(robot.lookup("#gfBanner").query().isVisible());
        assertEquals("Configuration A overflowed to NaN or infinity at step " + o.step() + ", in layer " + o.layer()
                + " (" + o.in() + "). The lab has paused.", label(robot, "#gfBannerTitle"));
        assertTrue(label(robot, "#gfRunFiguresA").endsWith("overflowed at step " + o.step() + " in layer " + o.layer()
                + " (" + o.in() + ")"), label(robot, "#gfRunFiguresA"));
        assertTrue(robot.lookup("#gfPlayButton").queryAs(Button.class).isDisabled(), "nothing left to train");
        assertTrue(robot.lookup("#gfResetButton").queryAs(Button.class).isVisible());
        Screenshots.write(robot, stage.getScene(), "gradflow-overflow.png");

        robot.interact(() -> model.form().a().clipProperty().set(Clipping.Mode.NORM)); // a cure: clipping to norm 1
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).config().clipping()
                instanceof org.backproplab.nn.Clipping.ByNorm
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        assertFalse(robot.lookup("#gfBanner").query().isVisible(), "a new start, no overflow");
        RunHistory.Snapshot clipped = model.runsProperty().get().get(0);
        assertTrue(clipped.latest().gradNormAfterClip() <= 1 + 1e-6, "clipped to norm 1: "
                + clipped.latest().gradNormAfterClip());
    }

    @Test
    void aSmallNetworkOpensInTheStepThroughView(FxRobot robot) throws Exception {
        openTab(robot);
        robot.clickOn("#gfOpenA");
        assertEquals(StepThroughTestTexts.MNIST_REFUSED, label(robot, "#gfBannerTitle"));
        robot.interact(() -> {
            model.form().datasetProperty().set(Dataset.SPIRAL);
            model.form().a().depthProperty().set(3);
            model.form().a().widthProperty().set(8);
            model.form().a().activationProperty().set(Activation.Kind.TANH);
        });
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).config().depth() == 3
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#gfStepButton");
        }
        waitFor(WAIT_SECONDS, () -> model.runsProperty().get().get(0).steps() == 5);
        robot.clickOn("#gfOpenA");
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        waitFor(WAIT_SECONDS, () -> "stepperTab".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        assertEquals("gradflow-A.bp", window.stepper().lessonNameProperty().get());
        assertNotNull(window.stepper().stepper(), "the lesson compiled");
        assertTrue(window.stepper().sourceProperty().get().contains("after 5 steps"));
        robot.interact(() -> { // through the forward pass and a few steps back, to show it works on the lab's network
            window.stepper().finishPhase();
            for (int i = 0; i < 4; i++) {
                window.stepper().step();
            }
        });
        Screenshots.write(robot, stage.getScene(), "gradflow-step-through.png");
    }

    private void openTab(FxRobot robot) throws Exception {
        selectTab(robot, "gradflowTab");
        waitFor(20, () -> !model.runsProperty().get().isEmpty()
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
    }

    private static void selectView(FxRobot robot, String id) {
        TabPane views = robot.lookup("#gfViews").queryAs(TabPane.class);
        Tab tab = views.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> views.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return ((Label) n).getText();
    }


    /** What the lab says when asked to open an MNIST network in the step-through view. */
    private static final class StepThroughTestTexts {
        static final String MNIST_REFUSED = "Only networks on a 2-D dataset open in the step-through view: with 784 "
                + "pixels in, the first weight matrix alone has 784 rows to step through. Choose a 2-D dataset, depth at "
                + "most 4 and width at most 8.";
    }
}
