package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.backproplab.codegen.TrainStep;
import org.backproplab.engine.DType;
import org.backproplab.stepper.Phase;
import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.backproplab.ui.graph.NodeCard;
import org.backproplab.ui.mnist.MnistTabModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step through one batch, from the MNIST tab's button: the step-through view opens the Keras example on eight real
 * training images (x as eight digits, W1 as ten pictures), Adam at 0.01 as the tab trains, and the code beside the
 * graph marks the training step's lines phase by phase, in TensorFlow and in PyTorch, in both languages.
 */
class MnistBatchViewTest extends MainWindowFixture {

    private MnistTabModel mnist;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        mnist = window.mnist();
    }

    private CodePanel code(FxRobot robot) {
        return robot.lookup("#codePanel").queryAs(CodePanel.class);
    }

    @Test
    void theButtonOpensTheBatchAndTheCodeFollowsEachPhase(FxRobot robot) throws Exception {
        selectTab(robot, "mnistTab");
        waitFor(30, () -> mnist.dataStateProperty().get() == BackgroundLoad.State.READY);
        robot.clickOn("#batchButton"); // the form's 784-128-10: W1 has 100,352 numbers, more than a lesson holds
        assertEquals("The network 784,128,10 has a 784×128 weight matrix, more than the 65,536 numbers a lesson holds:"
                + " give the first hidden layer at most 83 units (the Keras example has 10).",
                robot.lookup("#stepBatchNote").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("mnistTab", robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getId(), "nothing opened");
        robot.interact(() -> mnist.form().presetProperty().set(org.backproplab.ui.mnist.Preset.KERAS_CLASSIC));
        robot.press(javafx.scene.input.KeyCode.ALT).press(javafx.scene.input.KeyCode.B)
                .release(javafx.scene.input.KeyCode.B).release(javafx.scene.input.KeyCode.ALT); // the button's mnemonic
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals("stepperTab", tabs.getSelectionModel().getSelectedItem().getId());
        StepperViewModel model = window.stepper();
        assertEquals("mnist_batch.bp", model.lessonNameProperty().get());
        assertEquals(DType.F32, model.data().precision());
        assertEquals(org.backproplab.nn.OptimizerKind.ADAM, model.optimizerProperty().get());
        assertEquals(0.01, model.learningRateProperty().get());
        assertTrue(model.sourceProperty().get().contains("const x = mnist_images(0, 8)"));
        assertTrue(model.sourceProperty().get().length() < 3_000, "a short lesson: the weights are beside it");

        NodeCard x = robot.lookup("#card-x").queryAs(NodeCard.class);
        NodeCard w1 = robot.lookup("#card-W1").queryAs(NodeCard.class);
        assertEquals(8 * 44, canvasWidth(x), "eight digits");
        assertEquals(10 * 44, canvasWidth(w1), "ten pictures of W1");

        CodePanel code = code(robot);
        assertTrue(code.isVisible());
        assertTrue(code.highlightedLines().isEmpty(), "before the first step");
        robot.interact(model::step);
        assertEquals(List.of("with tf.GradientTape() as tape:", "probabilities = model(x, training=True)",
                "loss = loss_fn(y, probabilities)"), stripped(code));
        assertTrue(code.explanation().startsWith("with tf.GradientTape(): the tape records"), code.explanation());
        robot.interact(() -> model.stepToGradientOf("W1")); // ∂L/∂W1 += xᵀ · ∂L/∂matmul₁: the digits in the gradient
        assertEquals(Phase.BACKWARD, model.frame().phase());
        assertEquals(List.of("gradients = tape.gradient(loss, model.trainable_variables)"), stripped(code));
        String inspected = robot.lookup("#inspector").queryAs(javafx.scene.Node.class).lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t != null)
                .reduce("", (a, b) -> a + "\n" + b);
        assertTrue(inspected.contains("[784×10]  max |x| = "), "a big matrix by its size, not 7,840 numbers");
        assertTrue(inspected.contains("not run on a click for a param of 7,840 numbers"), inspected);
        Screenshots.write(robot, stage.getScene(), "stepper-mnist-batch.png");
        robot.interact(() -> {
            while (model.frame().phase() != Phase.UPDATE) {
                model.step();
            }
        });
        assertEquals(Phase.UPDATE, model.frame().phase());
        List<String> update = model.frame().explanation().lines();
        assertTrue(update.stream().anyMatch(l -> l.startsWith("m = [784×10] (max |x| = ")), update.toString());
        assertTrue(update.contains("W1: [784×10] → [784×10],  max |ΔW1| = 0.01"),
                "Adam's first step moves a weight by at most η: " + update);
        assertEquals(List.of("optimizer.apply_gradients(zip(gradients, model.trainable_variables))"), stripped(code));
        robot.clickOn("#codePytorch");
        assertEquals(TrainStep.Framework.PYTORCH, code.framework());
        assertEquals(List.of("optimizer.step()"), stripped(code));
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        CodePanel chinese = code(robot);
        robot.interact(() -> chinese.setFramework(TrainStep.Framework.KERAS));
        assertEquals(List.of("optimizer.apply_gradients(zip(gradients, model.trainable_variables))"), stripped(chinese));
        assertTrue(chinese.explanation().startsWith("optimizer.apply_gradients(…)：更新"), chinese.explanation());
        Screenshots.write(robot, stage.getScene(), "stepper-mnist-batch-zh_CN.png");

        // A session round trip through a file: the same step, the same numbers, the code beside the graph again
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("batch").resolve("batch.bpsession");
        org.backproplab.stepper.SessionFile.write(file, window.stepper().session());
        org.backproplab.stepper.Frame before = window.stepper().frame();
        robot.interact(() -> window.stepper().open("01_circuit.bp",
                org.backproplab.stepper.ShippedLessons.source("01_circuit")));
        org.backproplab.stepper.Session read = org.backproplab.stepper.SessionFile.read(file);
        robot.interact(() -> {
            try {
                window.stepper().restore(read);
            } catch (org.backproplab.lesson.LessonException e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        org.backproplab.stepper.Frame after = window.stepper().frame();
        assertEquals(before.phase(), after.phase());
        assertEquals(before.position(), after.position());
        assertEquals(before.explanation().lines(), after.explanation().lines());
        assertEquals(List.of("optimizer.apply_gradients(zip(gradients, model.trainable_variables))"),
                stripped(code(robot)), "the code beside the graph is back, at the same line");

        // Another lesson: the code goes
        robot.interact(() -> window.stepper().open("01_circuit.bp",
                org.backproplab.stepper.ShippedLessons.source("01_circuit")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#codePanel").tryQuery().isPresent(), "no code beside a hand-written lesson");
    }

    private static double canvasWidth(NodeCard card) {
        return card.lookupAll("Canvas").stream().map(n -> ((Canvas) n).getWidth()).findFirst().orElse(0.0);
    }

    private static List<String> stripped(CodePanel code) {
        return code.highlightedLines().stream().map(String::strip).toList();
    }
}
