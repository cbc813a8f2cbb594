package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.backproplab.stepper.Phase;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.backproplab.ui.graph.GraphView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Forward mode in the step-through view: F switches it on, each step shows a node's value and its tangent (the card
 * says ∂node/∂input), a pass ends at the output's derivative, the last shows the passes beside one backward pass, and F
 * again returns to backprop where it was. Writes snapshot PNGs in both languages.
 */
class ForwardModeViewTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void forwardModeStepsOnePassPerInputWithTheTangentsOnTheCards(FxRobot robot) throws Exception {
        robot.interact(() -> window.stepper().open("12_forward_mode.bp", ShippedLessons.source("12_forward_mode")));
        robot.interact(() -> window.stepper().step()); // backprop's first step: where F comes back to
        robot.clickOn("#stepButton");
        var before = window.stepper().frame();
        robot.interact(() -> robot.lookup(n -> n instanceof GraphView).query().requestFocus());
        robot.push(KeyCode.F);
        assertTrue(window.stepper().forwardModeProperty().get());
        assertTrue(robot.lookup("#forwardModeButton").queryAs(ToggleButton.class).isSelected());
        for (int i = 0; i < 4; i++) { // the seed, then a = x*y, b = x + y, f = a*b
            robot.push(KeyCode.SPACE);
        }
        assertEquals(Phase.TANGENT, window.stepper().frame().phase());
        assertEquals(List.of("ṫ(f) = ∂f/∂a·ṫ(a) + ∂f/∂b·ṫ(b) = 5 × 3 + 6 × 1 = 21", "∂f/∂x = ṫ(f) = 21"), formulas(robot));
        assertEquals("∂a/∂x", keyOf(robot, "a"), "a card shows its tangent, ∂a/∂x");
        assertEquals("Forward mode 3 / 3 · pass 1", robot.lookup("#phaseLabel").queryAs(Label.class).getText());
        Screenshots.write(robot, stage.getScene(), "forward-mode-en.png");

        robot.push(KeyCode.SPACE); // pass 2: the seed of y
        assertEquals("∂a/∂y", keyOf(robot, "a"));
        robot.push(KeyCode.ENTER); // to the end of the pass
        robot.push(KeyCode.SPACE); // the summary
        assertEquals(List.of("∂f/∂x = ṫ(f) = 21      ∇f[x] = 21", "∂f/∂y = ṫ(f) = 16      ∇f[y] = 16"),
                formulas(robot));
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.stepper().forwardModeProperty().get(), "a language switch keeps forward mode");
        assertTrue(robot.lookup("#noteLabel").queryAs(Label.class).getText().startsWith("前向模式用了 2 遍"));
        Screenshots.write(robot, stage.getScene(), "forward-mode-zh_CN.png");

        robot.interact(() -> robot.lookup(n -> n instanceof GraphView).query().requestFocus());
        robot.push(KeyCode.F);
        assertFalse(window.stepper().forwardModeProperty().get());
        assertTrue(window.stepper().frame().showsSameAs(before), "backprop is where it was");
        assertEquals("∂f/∂a", keyOf(robot, "a"));
    }

    private static List<String> formulas(FxRobot robot) {
        return robot.lookup("#formulaBox").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    /** The key beside a card's second number. */
    private static String keyOf(FxRobot robot, String node) {
        Node card = robot.lookup("#card-" + node).query();
        return card.lookupAll(".card-key").stream().map(n -> ((Label) n).getText()).filter(t -> t.startsWith("∂"))
                .findFirst().orElseThrow();
    }
}
