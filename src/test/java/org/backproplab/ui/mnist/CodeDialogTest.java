package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** MNIST ▸ Show as code, headless: the form's settings as Keras and PyTorch code; off while a field is wrong. */
class CodeDialogTest extends MainWindowFixture {


    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void theKerasClassicAsKerasAndPytorchCode(FxRobot robot) throws Exception {
        selectTab(robot, "mnistTab");
        robot.interact(() -> window.mnist().form().presetProperty().set(Preset.KERAS_CLASSIC));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#codeButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + CodeDialog.ID).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + CodeDialog.ID).queryAs(DialogPane.class);
        String keras = robot.from(pane).lookup("#codeKeras").queryAs(TextArea.class).getText();
        assertTrue(keras.contains("tf.keras") && keras.contains("GradientTape"), keras);
        assertTrue(keras.contains("Dense(10") && keras.contains("0.01"), keras);
        Screenshots.write(robot, pane.getScene(), "mnist-code.png");
        TabPane codeTabs = robot.from(pane).lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> codeTabs.getSelectionModel().select(1));
        String pytorch = ((TextArea) codeTabs.getTabs().get(1).getContent()).getText();
        assertTrue(pytorch.contains("import torch") && pytorch.contains("nn.Linear(784, 10)"), pytorch);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());

        robot.interact(() -> window.mnist().form().learningRateProperty().set("fast"));
        assertTrue(robot.lookup("#codeButton").queryAs(Button.class).isDisabled(), "a wrong field turns it off");
    }
}
