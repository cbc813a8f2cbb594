package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Help ▸ 术语表 in the Chinese window: Chinese first, definitions in Chinese, searchable in Chinese. */
class GlossaryDialogChineseTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        open(stage, Language.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        closeOtherWindows(robot);
    }

    @Test
    void theChineseWindowShowsChineseFirstAndFindsChineseWords(FxRobot robot) throws Exception {
        DialogPane pane = GlossaryDialogChecks.openWithShiftF1(robot);
        assertEquals("术语表", ((javafx.stage.Stage) pane.getScene().getWindow()).getTitle());
        assertEquals("损失函数　loss function", GlossaryDialogChecks.terms(robot, pane).get(0));
        Screenshots.write(robot, pane.getScene(), "glossary-zh.png");

        assertEquals("关闭", ((Button) pane.lookupButton(ButtonType.CLOSE)).getText());
        GlossaryDialogChecks.search(robot, "局部");
        waitFor(WAIT_SECONDS, () -> GlossaryDialogChecks.terms(robot, pane).size() == 3);
        assertEquals(List.of("链式法则　chain rule", "局部导数　local derivative", "局部最优　local optimum"),
                GlossaryDialogChecks.terms(robot, pane));
        assertTrue(robot.from(pane).lookup("." + Styles.GLOSSARY_DEFINITION).queryAs(Label.class).getText()
                .startsWith("dy/dx = dy/dg · dg/dx：复合函数的导数"));
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
    }
}
