package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.backproplab.codegen.FrameworkCode;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * MNIST ▸ Show as code, headless: the form's settings as Keras and PyTorch code, commented in the window's language;
 * off while a field is wrong.
 */
class CodeDialogTest extends MainWindowFixture {


    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void theKerasClassicAsKerasAndPytorchCode(FxRobot robot) throws Exception {
        DialogPane pane = openKerasClassicAsCode(robot);
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

    /** Show as code for the Keras classic, from the MNIST tab's button: the dialog's pane. */
    private DialogPane openKerasClassicAsCode(FxRobot robot) throws Exception {
        selectTab(robot, "mnistTab");
        robot.interact(() -> window.mnist().form().presetProperty().set(Preset.KERAS_CLASSIC));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#codeButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + CodeDialog.ID).tryQuery().isPresent());
        return robot.lookup("#" + CodeDialog.ID).queryAs(DialogPane.class);
    }

    /** In the Chinese window (显示为代码) the comments are Chinese; every line of code is as in English. */
    @Test
    void theChineseWindowCommentsTheCodeInChinese(FxRobot robot) throws Exception {
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        DialogPane pane = openKerasClassicAsCode(robot);
        TabPane codeTabs = robot.from(pane).lookup(".tab-pane").queryAs(TabPane.class);
        TrainingConfig config = window.mnist().form().config();
        List<String> keras = ((TextArea) codeTabs.getTabs().get(0).getContent()).getText().lines().toList();
        List<String> pytorch = ((TextArea) codeTabs.getTabs().get(1).getContent()).getText().lines().toList();
        assertEquals("# 它像应用一样，读取 datasets/mnist 中的 MNIST 文件（gzip 压缩的 IDX 格式）。", keras.get(1));
        assertTrue(pytorch.contains(")  # 最后一层输出 logits：CrossEntropyLoss 会自己做 softmax"), String.join("\n", pytorch));
        assertEquals(withoutComments(FrameworkCode.keras(config).lines().toList()), withoutComments(keras));
        assertEquals(withoutComments(FrameworkCode.pytorch(config).lines().toList()), withoutComments(pytorch));
        Screenshots.write(robot, pane.getScene(), "mnist-code-zh_CN.png");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
    }

    /** The lines of code, each without its comment (the generated code has no '#' in a string). */
    private static List<String> withoutComments(List<String> lines) {
        return lines.stream().map(l -> l.contains("#") ? l.substring(0, l.indexOf('#')) : l).toList();
    }
}
