package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.backproplab.nn.Clipping;
import org.backproplab.stepper.Phase;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The clipping switch of the step-through view's training panel: lesson 08's update shows the clipped gradient. */
class StepperClippingViewTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void clippingByNormFromTheToolbarShowsInTheUpdate(FxRobot robot) throws Exception {
        robot.interact(() -> window.stepper().open("08_exploding_chain.bp", ShippedLessons.source("08_exploding_chain")));
        @SuppressWarnings("unchecked")
        ComboBox<Clipping.Mode> box = robot.lookup("#clipBox").queryAs(ComboBox.class);
        TextField field = robot.lookup("#clipField").queryAs(TextField.class);
        assertTrue(field.isDisabled(), "no threshold while clipping is off");
        robot.interact(() -> box.getSelectionModel().select(Clipping.Mode.NORM));
        robot.clickOn(field).eraseText(field.getText().length()).write("2").type(KeyCode.ENTER);
        assertEquals(new Clipping.ByNorm(2), window.stepper().clippingProperty().get());
        robot.interact(() -> {
            while (window.stepper().frameProperty().get() == null
                    || window.stepper().frameProperty().get().phase() != Phase.UPDATE) {
                window.stepper().finishPhase();
            }
        });
        List<String> lines = robot.lookup("#formulaBox").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(lines.get(0).startsWith("‖g‖ = ") && lines.get(0).contains(" > 2: g ← g × 2 / "), lines.toString());
        Screenshots.write(robot, stage.getScene(), "stepper-clipping.png");
    }
}
