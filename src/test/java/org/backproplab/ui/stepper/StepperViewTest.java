package org.backproplab.ui.stepper;

import static org.backproplab.ui.MainWindowFixture.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindow;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step-through view in the real main window, headless: the CS231n circuit stepped through forward and backward
 * by buttons and keys, what the explanation and the cards show, stepping back, a broken lesson, one too big to draw,
 * a run.
 */
@ExtendWith(ApplicationExtension.class)
class StepperViewTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, Language.ENGLISH);
        window.show();
    }

    private static List<String> formulas(FxRobot robot) {
        return robot.lookup("#formulaBox").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    private static String note(FxRobot robot) {
        return robot.lookup("#noteLabel").queryAs(Label.class).getText();
    }

    private static String position(FxRobot robot) {
        return robot.lookup("#positionLabel").queryAs(Label.class).getText();
    }

    /** The number a card shows in its value or gradient row. */
    private static String card(FxRobot robot, String node, String row) {
        return robot.lookup("#card-" + node).lookup(".card-" + row).queryAs(Label.class).getText();
    }

    private static void step(FxRobot robot) {
        robot.clickOn("#stepButton");
    }

    @Test
    void theCircuitStepsForwardAndBackwardWithTheNotesNumbers(FxRobot robot) {
        robot.clickOn("#graphHolder");
        assertEquals("Forward 0 / 2", position(robot));
        assertTrue(note(robot).startsWith("Press Step"), note(robot));
        assertEquals("-2", card(robot, "x", "value"));
        assertEquals("—", card(robot, "q", "value"), "q is not computed yet");

        step(robot);
        assertEquals("Forward 1 / 2", position(robot));
        assertEquals(List.of("q = x + y = -2 + 5 = 3"), formulas(robot));
        assertEquals("Forward: q is computed by add from the values of its inputs.", note(robot));
        assertEquals("3", card(robot, "q", "value"));
        assertEquals("—", card(robot, "f", "value"));

        robot.type(KeyCode.SPACE);
        assertEquals(List.of("f = q · z = 3 · (-4) = -12"), formulas(robot));
        assertEquals("-12", card(robot, "f", "value"));

        robot.type(KeyCode.RIGHT);
        assertEquals("Backward 1 / 5", position(robot));
        assertEquals(List.of("∂f/∂f = 1"), formulas(robot));
        assertEquals("1", card(robot, "f", "gradient"));
        assertEquals("—", card(robot, "q", "gradient"));

        step(robot);
        assertEquals("∂f/∂q += ∂f/∂f · ∂f/∂q = 1 × (-4) = -4", formulas(robot).get(0));
        assertEquals("∂f/∂q = z = -4", formulas(robot).get(1));
        assertEquals("-4", card(robot, "q", "gradient"));
        step(robot);
        step(robot);
        step(robot);
        assertEquals("Backward 5 / 5", position(robot));
        assertEquals("∂f/∂y += ∂f/∂q · ∂q/∂y = (-4) × 1 = -4", formulas(robot).get(0));
        assertEquals("-4", card(robot, "x", "gradient"));
        assertEquals("-4", card(robot, "y", "gradient"));
        assertEquals("3", card(robot, "z", "gradient"));
        assertTrue(robot.lookup("#card-y").query().getStyleClass().contains("changed"));
    }

    @Test
    void stepBackRestoresTheEarlierDisplay(FxRobot robot) {
        robot.clickOn("#graphHolder");
        step(robot);
        step(robot);
        step(robot);
        List<String> seedFormulas = formulas(robot);
        String seedPosition = position(robot);
        step(robot);
        assertEquals("-4", card(robot, "q", "gradient"));

        robot.type(KeyCode.LEFT);
        assertEquals(seedFormulas, formulas(robot));
        assertEquals(seedPosition, position(robot));
        assertEquals("—", card(robot, "q", "gradient"), "the gradient q got one step later is gone again");
        robot.clickOn("#backButton");
        robot.clickOn("#backButton");
        assertEquals("Forward 1 / 2", position(robot));
        assertEquals("—", card(robot, "f", "value"));
        assertEquals(List.of("q = x + y = -2 + 5 = 3"), formulas(robot));
        robot.clickOn("#backButton");
        assertEquals("Forward 0 / 2", position(robot));
        assertTrue(robot.lookup("#backButton").queryAs(Button.class).isDisabled(), "nothing before the start");
    }

    @Test
    void aBrokenLessonShowsItsErrorAndKeepsTheLastGoodGraph(FxRobot robot) throws TimeoutException {
        LessonEditor editor = robot.lookup(".lesson-editor").queryAs(LessonEditor.class);
        robot.interact(() -> editor.area().replaceText(editor.text().replace("\nf = q * z\n", "\nf = q * zz\n")));
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, error::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error.getText().startsWith("Line 19, column 9: unknown name 'zz'"), error.getText());
        assertNotNull(robot.lookup("#card-f").tryQuery().orElse(null), "the last good graph stays");
        int line19 = editor.text().lastIndexOf("f = q * zz") + "f = q * ".length();
        assertTrue(underlined(editor, line19), "zz is underlined");

        step(robot); // stepping the last good graph still works
        assertEquals("Forward 1 / 2", position(robot));

        robot.interact(() -> editor.area().replaceText(editor.text().replace("\nf = q * zz\n", "\nf = q * z + x\n")));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !error.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(underlined(editor, line19));
        assertEquals("Forward 0 / 3", position(robot), "the edited lesson is drawn: one more op");
    }

    /** A lesson with more nodes than the window draws is refused at once with the count and the limit. */
    @Test
    void aLessonTooBigToDrawIsRefusedWithTheCountAndTheLimit(FxRobot robot) throws TimeoutException {
        StringBuilder big = new StringBuilder("const h0 = 0.5\n");
        for (int i = 1; i <= StepperViewModel.MAX_NODES; i++) {
            big.append('h').append(i).append(" = tanh(h").append(i - 1).append(")\n");
        }
        robot.interact(() -> window.stepper().open("big.bp", big.toString()));
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, error::isVisible);
        assertEquals("The graph of this lesson has 1,001 nodes, more than the 1,000 the step-through view can draw. "
                + "Try a smaller lesson, or run this one with eval on the command line."
                + "\nThe graph shows the last version that worked.", error.getText());
        assertNotNull(robot.lookup("#card-f").tryQuery().orElse(null), "the last good graph stays");
    }

    @Test
    void runIterationsWorksOffTheFxThreadAndCanBeCancelled(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.stepper().open("03_two_layer_network.bp",
                org.backproplab.stepper.ShippedLessons.source("03_two_layer_network")));
        Spinner<Integer> spinner = robot.lookup("#iterationsSpinner").queryAs(Spinner.class);
        robot.interact(() -> spinner.getValueFactory().setValue(1_000_000));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> window.stepper().runningProperty().get()
                && window.stepper().runProgressProperty().get() > 0);
        assertTrue(robot.lookup("#stepButton").queryAs(Button.class).isDisabled(), "no stepping during a run");
        long t = System.nanoTime();
        robot.interact(() -> { }); // the FX thread answers while the run goes on
        assertTrue(System.nanoTime() - t < 2_000_000_000L, "the FX thread is free");
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !window.stepper().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int done = window.stepper().stepper().losses().count();
        assertTrue(done > 0 && done < 1_000_000, done + " iterations");
        assertTrue(robot.lookup("#lossLabel").queryAs(Label.class).getText()
                .endsWith("(iteration " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(done) + ")"),
                robot.lookup("#lossLabel").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#stepButton").queryAs(Button.class).isDisabled());

        robot.interact(() -> spinner.getValueFactory().setValue(50));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !window.stepper().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(done + 50, window.stepper().stepper().losses().count());
        step(robot);
        assertEquals("Forward 1 / 7", position(robot));
    }

    private static boolean underlined(LessonEditor editor, int at) {
        return editor.area().getStyleSpans(at, at + 2).getStyleSpan(0).getStyle().contains("error-underline");
    }

    /**
     * The README's three screenshots of the sigmoid neuron of CS231n: a forward step, a backward step and an update
     * with the inspector open. Written to target/screenshots, or with {@code -Dbackproplab.screenshots=screenshots}
     * to the README's folder.
     */
    @Test
    void screenshots(FxRobot robot) throws Exception {
        robot.interact(() -> window.stepper().open("02_sigmoid_neuron.bp",
                org.backproplab.stepper.ShippedLessons.source("02_sigmoid_neuron")));
        for (int i = 0; i < 4; i++) {
            step(robot);
        }
        assertEquals("dot = add + w2 = 4 + (-3) = 1", formulas(robot).get(0));
        Screenshots.write(robot, stage.getScene(), "step-forward.png");
        robot.clickOn("#finishButton");
        for (int i = 0; i < 7; i++) {
            step(robot);
        }
        assertEquals("∂f/∂w1 += ∂f/∂mul₂ · ∂mul₂/∂w1 = 0.1966 × (-2) = -0.3932", formulas(robot).get(0));
        Screenshots.write(robot, stage.getScene(), "step-backward.png");
        robot.clickOn("#finishButton");
        step(robot);
        robot.clickOn("#card-w0");
        assertEquals("w0 ← w0 − η·∂f/∂w0 = 2 − 0.1 × (-0.1966) = 2.02", formulas(robot).get(0));
        assertTrue(robot.lookup("#inspector-check").queryAs(Label.class).getText().contains("they agree"));
        Screenshots.write(robot, stage.getScene(), "step-update.png");
    }

    /** Not for the README: views to look at while working on them — matrices, and the Chinese window. */
    @Test
    void moreSnapshots(FxRobot robot) throws Exception {
        robot.interact(() -> window.stepper().open("03_two_layer_network.bp",
                org.backproplab.stepper.ShippedLessons.source("03_two_layer_network")));
        robot.clickOn("#finishButton");
        robot.clickOn("#finishButton");
        Screenshots.write(robot, stage.getScene(), "matrix-backward.png");
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        step(robot);
        Screenshots.write(robot, stage.getScene(), "step-zh_CN.png");
        robot.interact(() -> window.stepper().open("05_batchnorm.bp",
                org.backproplab.stepper.ShippedLessons.source("05_batchnorm")));
        robot.clickOn("#finishButton");
        robot.clickOn("#finishButton");
        Screenshots.write(robot, stage.getScene(), "batchnorm.png");

        StringBuilder big = new StringBuilder("param W = [");
        for (int r = 0; r < 6; r++) {
            big.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < 5; c++) {
                big.append(c == 0 ? "" : ", ").append(Math.sin(r * 5 + c));
            }
            big.append(']');
        }
        big.append("]\nconst X = [[1, 0, 2, 0, 1, -1], [0, 1, 0, -2, 1, 3]]\nloss L = mean(tanh(X @ W))\n");
        robot.interact(() -> window.stepper().open("08_exploding_chain.bp",
                org.backproplab.stepper.ShippedLessons.source("08_exploding_chain")));
        robot.clickOn("#finishButton");
        robot.clickOn("#finishButton");
        robot.clickOn("#backButton");
        assertEquals("∂L/∂w = 2.092e+10 + 2.324e+09 = 2.324e+10", formulas(robot).get(2));
        Screenshots.write(robot, stage.getScene(), "accumulate.png");
        robot.interact(() -> window.stepper().open("big.bp", big.toString()));
        robot.clickOn("#finishButton");
        robot.clickOn("#finishButton");
        Screenshots.write(robot, stage.getScene(), "heatmap.png");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void open(FxRobot robot, String lesson) {
        robot.interact(() -> window.stepper().open(lesson + ".bp",
                org.backproplab.stepper.ShippedLessons.source(lesson)));
    }

    /**
     * Output and loss are different things, in both languages: lessons 01 and 02 have no loss, so the chart follows
     * their output and an update goes downhill on it; lesson 04's chart is its loss. A constant's gradient comes with
     * why it has one and why nothing uses it. Screenshots of both languages go to target/screenshots.
     */
    @Test
    void theWindowSaysOutputWithoutALossAndLossWithOne(FxRobot robot) throws Exception {
        assertEquals("Output", text(robot, "#trainingTitle"), "lesson 01 opens first");
        assertEquals("This lesson has no loss: the chart follows its output, and each update goes downhill on the "
                + "output itself, as if it were the loss.",
                robot.lookup("#trainingTitle").queryAs(Label.class).getTooltip().getText());
        Screenshots.write(robot, stage.getScene(), "output-empty-en.png");
        robot.clickOn("#finishButton");
        assertEquals("-12  (iteration 1)", text(robot, "#lossLabel"));
        open(robot, "02_sigmoid_neuron");
        assertEquals("Output", text(robot, "#trainingTitle"));
        robot.clickOn("#finishButton");
        robot.clickOn("#finishButton");
        step(robot);
        assertEquals("Update: w0 moves against its gradient by η times the gradient (learning rate η = 0.1). This "
                + "lesson has no loss, so the update goes downhill on the output f itself, as if it were the loss.",
                note(robot));
        robot.clickOn("#card-x0");
        assertTrue(text(robot, "#inspector-constantGradient").startsWith("x0 is a constant, not a param. The chain "
                + "rule computes its gradient like any other: how f would change if x0 changed"),
                text(robot, "#inspector-constantGradient"));
        Screenshots.write(robot, stage.getScene(), "output-not-loss-en.png");

        open(robot, "04_softmax_cross_entropy");
        assertEquals("Loss", text(robot, "#trainingTitle"));
        robot.interact(() -> window.stepper().stepToGradientOf("T"));
        assertTrue(note(robot).contains("T is a constant, not a param: the chain rule computes its gradient like any "
                + "other (how L would change if T changed"), note(robot));
        assertTrue(note(robot).endsWith("but no update uses it."), note(robot));
        robot.clickOn("#card-T");
        assertTrue(text(robot, "#inspector-constantGradient").contains("No update uses it: only params are updated."));
        robot.clickOn("#card-W");
        assertTrue(robot.lookup("#inspector-constantGradient").tryQuery().isEmpty(), "a param needs no such note");
        robot.clickOn("#card-T");
        Screenshots.write(robot, stage.getScene(), "constant-gradient-en.png");

        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        assertEquals("损失", text(robot, "#trainingTitle"));
        assertTrue(note(robot).contains("T 是常量，不是参数"), note(robot));
        assertTrue(text(robot, "#inspector-constantGradient").startsWith("T 是常量，不是参数。"));
        Screenshots.write(robot, stage.getScene(), "constant-gradient-zh_CN.png");
        open(robot, "02_sigmoid_neuron");
        assertEquals("输出", text(robot, "#trainingTitle"));
        Screenshots.write(robot, stage.getScene(), "output-empty-zh_CN.png");
        robot.clickOn("#finishButton");
        robot.clickOn("#finishButton");
        step(robot);
        assertTrue(note(robot).contains("本课没有损失，所以更新让输出 f 本身下降，就像它是损失一样。"), note(robot));
        robot.clickOn("#card-x0");
        Screenshots.write(robot, stage.getScene(), "output-not-loss-zh_CN.png");
        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
    }

    @Test
    void aLanguageSwitchKeepsWhereTheStepperIs(FxRobot robot) {
        step(robot);
        step(robot);
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        assertEquals("前向 第 2 / 2 步", position(robot));
        assertEquals(List.of("f = q · z = 3 · (-4) = -12"), formulas(robot));
        assertEquals("前向：由 mul 根据输入的值计算出 f。", note(robot));
        assertEquals("-12", card(robot, "f", "value"));
        robot.clickOn("#graphHolder");
        robot.type(KeyCode.SPACE);
        assertEquals("反向 第 1 / 5 步", position(robot));
        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
    }

    @Test
    void playStepsOnItsOwnUntilPaused(FxRobot robot) throws TimeoutException {
        robot.interact(() -> robot.lookup("#speedSlider").queryAs(javafx.scene.control.Slider.class).setValue(10));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> window.stepper().frame().phase()
                == org.backproplab.stepper.Phase.BACKWARD);
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitForFxEvents();
        String paused = position(robot);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, position(robot), "paused: no more steps");
    }

    @Test
    void zoomByKeysAndFit(FxRobot robot) {
        robot.clickOn("#graphHolder");
        org.backproplab.ui.graph.GraphView view = robot.lookup(".graph-view").queryAs(org.backproplab.ui.graph.GraphView.class);
        double fitted = view.scale();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertEquals(fitted * 1.2, view.scale(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(fitted / 1.2, view.scale(), 1e-9);
        robot.clickOn("#fitButton");
        assertEquals(fitted, view.scale(), 1e-9);
    }
}
