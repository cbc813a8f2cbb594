package org.backproplab.ui;

import static org.backproplab.ui.MainWindowFixture.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.backproplab.glossary.Glossary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Help ▸ Glossary in the English window: Shift+F1 opens it, the search narrows it as one types. */
class GlossaryDialogTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        closeOtherWindows(robot);
    }

    @Test
    void shiftF1ListsEveryTermAndTheSearchNarrowsIt(FxRobot robot) throws Exception {
        DialogPane pane = GlossaryDialogChecks.openWithShiftF1(robot);
        assertEquals(Glossary.shipped().terms().size(), GlossaryDialogChecks.terms(robot, pane).size());
        assertEquals("loss function  ·  损失函数", GlossaryDialogChecks.terms(robot, pane).get(0));

        GlossaryDialogChecks.search(robot, "batchnorm");
        waitFor(WAIT_SECONDS, () -> GlossaryDialogChecks.terms(robot, pane).size() == 1);
        assertEquals(List.of("batch normalization (BatchNorm)  ·  批量归一化（BatchNorm）"),
                GlossaryDialogChecks.terms(robot, pane));
        assertTrue(robot.from(pane).lookup("." + Styles.GLOSSARY_DEFINITION).queryAs(Label.class).getText()
                .startsWith("Normalizes each unit over the batch"));
        GlossaryDialogChecks.search(robot, "saturate");
        waitFor(WAIT_SECONDS, () -> GlossaryDialogChecks.terms(robot, pane).isEmpty());
        assertEquals("No term matches.", robot.from(pane).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter("No term matches."::equals).findFirst().orElse(""));
        GlossaryDialogChecks.search(robot, "");
        Screenshots.write(robot, pane.getScene(), "glossary.png");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());

        // Closed with the search field focused, the glossary leaves no caret blinking: the idle window stops pulsing.
        assertTrue(robot.lookup("#" + GlossaryDialog.ID).tryQuery().isEmpty());
        List<Integer> counts = Pulses.untilQuiet(robot, stage);
        assertTrue(Pulses.quiet(counts), "the glossary closed: " + Pulses.explain(counts, stage));

        // The same when its window is closed rather than the dialog (as the window tests' clean-up does).
        GlossaryDialogChecks.openWithShiftF1(robot);
        closeOtherWindows(robot);
        assertTrue(robot.lookup("#" + GlossaryDialog.ID).tryQuery().isEmpty());
        counts = Pulses.untilQuiet(robot, stage);
        assertTrue(Pulses.quiet(counts), "the glossary's window closed: " + Pulses.explain(counts, stage));
    }
}

/** What both languages' glossary tests do to the dialog. */
final class GlossaryDialogChecks {

    private GlossaryDialogChecks() {
    }

    static DialogPane openWithShiftF1(FxRobot robot) throws Exception {
        robot.clickOn("#graphHolder");
        robot.press(KeyCode.SHIFT).push(KeyCode.F1).release(KeyCode.SHIFT);
        MainWindowFixture.waitFor(WAIT_SECONDS, () -> robot.lookup("#" + GlossaryDialog.ID).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + GlossaryDialog.ID).queryAs(DialogPane.class);
        MainWindowFixture.waitFor(WAIT_SECONDS, () -> robot.lookup("#" + GlossaryDialog.SEARCH_ID)
                .queryAs(TextField.class).isFocused());
        return pane;
    }

    static void search(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup("#" + GlossaryDialog.SEARCH_ID).queryAs(TextField.class).setText(query));
    }

    static List<String> terms(FxRobot robot, DialogPane pane) {
        return robot.from(pane).lookup("." + Styles.GLOSSARY_TERM).queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }
}
