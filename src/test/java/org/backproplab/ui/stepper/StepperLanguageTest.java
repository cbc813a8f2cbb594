package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.backproplab.nn.OptimizerKind;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step-through view in the Chinese window, headless: the lessons listed by their Chinese titles, the lesson's
 * Chinese explanation wrapped above the editor, the optimizers by their Chinese names; and the same in English.
 */
class StepperLanguageTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        open(stage, Language.SIMPLIFIED_CHINESE);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The texts of a combo box's list, as its cells show them. */
    private static List<String> listed(FxRobot robot, ComboBox<?> box) {
        robot.interact(box::show);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty()).map(ListCell::getText).toList();
        robot.interact(box::hide);
        return texts;
    }

    /** The names of the optimizers in the list (its cells show the box's converter's names). */
    private static List<String> named(ComboBox<OptimizerKind> box) {
        return box.getItems().stream().map(box.getConverter()::toString).toList();
    }

    /** What the box's button shows, as drawn: a text cut short would end in an ellipsis. */
    private static String drawn(FxRobot robot, ComboBox<?> box) {
        WaitForAsyncUtils.waitForFxEvents();
        String[] text = new String[1];
        robot.interact(() -> {
            ListCell<?> button = box.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance)
                    .map(n -> (ListCell<?>) n).findFirst().orElseThrow();
            text[0] = button.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                    .map(n -> ((Text) n).getText()).findFirst().orElse("(no text drawn)");
        });
        return text[0];
    }

    @Test
    void theChineseWindowShowsChineseTitlesExplanationAndOptimizers(FxRobot robot) throws Exception {
        ComboBox<?> lessons = robot.lookup("#lessonBox").queryAs(ComboBox.class);
        assertEquals("01 · 电路 (x + y) * z", drawn(robot, lessons));
        List<String> titles = listed(robot, lessons);
        // The popup draws the rows it shows (ten, and the start of the next); the box holds every shipped lesson.
        assertEquals(ShippedLessons.NAMES, lessons.getItems());
        assertTrue(titles.size() >= 10, titles.toString());
        assertEquals("02 · Sigmoid 神经元", titles.get(1));
        assertEquals("08 · 梯度爆炸与梯度裁剪", titles.get(7));
        assertEquals("10 · Sigmoid 上的均方误差与交叉熵", titles.get(9));

        assertEquals("电路 (x + y) * z", text(robot, "#aboutTitle"));
        String about = text(robot, "#aboutText");
        assertTrue(about.startsWith("CS231n 反向传播讲义中的 (x + y) * z 电路，逐个门地计算。前向："), about);
        assertFalse(about.contains("Teaches") || about.contains("#"), "the Chinese part only: " + about);
        assertWrapped(robot);

        robot.interact(() -> window.stepper().open("02_sigmoid_neuron.bp",
                org.backproplab.stepper.ShippedLessons.source("02_sigmoid_neuron")));
        assertEquals("Sigmoid 神经元", text(robot, "#aboutTitle"));
        assertTrue(text(robot, "#aboutText").startsWith("CS231n 反向传播讲义中的 sigmoid 神经元"), text(robot, "#aboutText"));
        assertEquals("02 · Sigmoid 神经元", drawn(robot, lessons));

        // The optimizers by the glossary's names.
        ComboBox<OptimizerKind> optimizers = robot.lookup("#trainingPanel #optimizerBox").queryAs(ComboBox.class);
        assertEquals("随机梯度下降（SGD）", drawn(robot, optimizers), "the longest name, shown in full");
        assertEquals(List.of("随机梯度下降（SGD）", "动量", "Nesterov 动量", "RMSprop", "Adam"), named(optimizers));
        robot.interact(() -> window.stepper().setOptimizer(OptimizerKind.MOMENTUM));
        assertEquals("动量", drawn(robot, optimizers));
        Screenshots.write(robot, stage.getScene(), "lesson-about-zh_CN.png");

        // A lesson with no header in this language gives the editor the whole column.
        ScrollPane aboutPane = robot.lookup("#aboutScroll").queryAs(ScrollPane.class);
        SplitPane column = robot.lookup("#lessonSplit").queryAs(SplitPane.class);
        Node editor = robot.lookup("#editorHolder").query();
        assertEquals(List.of(aboutPane, editor), column.getItems());
        robot.interact(() -> window.stepper().open("mine.bp", "# my own notes\n# Teaches: in English only\nx = 1\n"));
        assertEquals(1, column.getItems().size(), "no description in this language: the editor alone");
        robot.interact(() -> window.stepper().open("07_relu_chain.bp",
                org.backproplab.stepper.ShippedLessons.source("07_relu_chain")));
        assertEquals(List.of(aboutPane, editor), column.getItems());
        assertEquals("ReLU 链：梯度不再消失", text(robot, "#aboutTitle"));
    }

    @Test
    void theEnglishWindowShowsTheEnglishPartOnly(FxRobot robot) throws Exception {
        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
        ComboBox<?> lessons = robot.lookup("#lessonBox").queryAs(ComboBox.class);
        assertEquals("01 · circuit (x + y) * z", drawn(robot, lessons));
        assertEquals("02 · sigmoid neuron", listed(robot, lessons).get(1));
        assertEquals("circuit (x + y) * z", text(robot, "#aboutTitle"));
        String about = text(robot, "#aboutText");
        assertTrue(about.startsWith("the (x + y) * z circuit of CS231n's backprop notes, worked gate by gate. Forward:"),
                about);
        assertTrue(about.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "the English part only: " + about);
        assertWrapped(robot);
        ComboBox<OptimizerKind> optimizers = robot.lookup("#trainingPanel #optimizerBox").queryAs(ComboBox.class);
        assertEquals("SGD", drawn(robot, optimizers));
        assertEquals(List.of("SGD", "Momentum", "Nesterov momentum", "RMSprop", "Adam"), named(optimizers));
        Screenshots.write(robot, stage.getScene(), "lesson-about-en.png");
    }

    /** The explanation wraps to the column: several lines, none wider than the panel, nothing to scroll sideways. */
    private static void assertWrapped(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label about = robot.lookup("#aboutText").queryAs(Label.class);
        ScrollPane pane = robot.lookup("#aboutScroll").queryAs(ScrollPane.class);
        double width = pane.getViewportBounds().getWidth();
        assertTrue(width > 100, "the panel is " + width + " px wide");
        assertTrue(about.getWidth() <= width, about.getWidth() + " px of text in a " + width + " px panel");
        assertTrue(about.getHeight() > 3 * about.getFont().getSize(), "wrapped onto several lines: " + about.getHeight());
        assertEquals(ScrollPane.ScrollBarPolicy.NEVER, pane.getHbarPolicy());
    }
}
