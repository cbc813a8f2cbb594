package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.backproplab.ui.Styles;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quiz mode in the step-through view, headless: Q switches it on, a step asks for its number before showing it, a
 * right answer turns the card green and counts, a wrong one shows the value and the line, Step back still works.
 */
class QuizModeTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aStepAsksBeforeItTellsAndAnswersAreChecked(FxRobot robot) throws Exception {
        robot.clickOn("#graphHolder").type(KeyCode.Q);
        assertTrue(robot.lookup("#quizBar").query().isVisible(), "Q shows the quiz bar");
        robot.type(KeyCode.SPACE);
        assertEquals("What is the value of q?", text(robot, "#quizQuestion"));
        assertEquals(0, window.stepper().frameProperty().get().position(), "q's step is not shown yet");
        robot.write("3").type(KeyCode.ENTER);
        assertEquals("Right: q = 3.", text(robot, "#quizVerdict"));
        assertTrue(robot.lookup("#card-q").query().getStyleClass().contains(Styles.QUIZ_RIGHT));
        assertEquals("1 of 1 right in this iteration", text(robot, "#quizScore"));
        robot.type(KeyCode.ENTER); // Enter again: the next step
        assertEquals("What is the value of f?", text(robot, "#quizQuestion"));
        robot.write("12").type(KeyCode.ENTER);
        assertEquals("Not quite: f = -12, not 12. The line above says why.", text(robot, "#quizVerdict"));
        assertTrue(robot.lookup("#card-f").query().getStyleClass().contains(Styles.QUIZ_WRONG));
        assertEquals("1 of 2 right in this iteration", text(robot, "#quizScore"));
        assertEquals(2, window.stepper().frameProperty().get().position(), "f's step is shown");
        Screenshots.write(robot, stage.getScene(), "quiz-en.png");
        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.stepper().frameProperty().get().position(), "Step back works as always");
    }

    @Test
    void inChineseToo(FxRobot robot) throws Exception {
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        robot.clickOn("#graphHolder").type(KeyCode.Q).type(KeyCode.SPACE);
        assertEquals("q 的值是多少？", text(robot, "#quizQuestion"));
        robot.clickOn("#quizAnswer").write("3").type(KeyCode.ENTER);
        assertEquals("答对了：q = 3。", text(robot, "#quizVerdict"));
        Screenshots.write(robot, stage.getScene(), "quiz-zh_CN.png");
    }
}
