package org.backproplab.ui.stepper;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import org.backproplab.stepper.Texts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The step-through view's Play: a timeline that takes a step each second divided by the speed slider's value, with
 * the play button showing pause while it runs. It stops by itself when a run starts or there is no lesson.
 */
final class StepPlayer {

    private final StepperViewModel model;
    private final ToggleButton button;
    private final FontIcon icon;
    private final Slider speed;
    private final ResourceBundle resources;
    private final Timeline timeline;

    StepPlayer(StepperViewModel model, ToggleButton button, FontIcon icon, Slider speed, Tooltip speedTooltip,
               ResourceBundle resources) {
        this.model = model;
        this.button = button;
        this.icon = icon;
        this.speed = speed;
        this.resources = resources;
        timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.rateProperty().bind(speed.valueProperty());
        speed.valueProperty().addListener((o, a, b) -> speedTooltip.setText(speedText()));
        speedTooltip.setText(speedText());
    }

    /** Plays or pauses as the button now says (it was just clicked). */
    void toggle() {
        if (button.isSelected()) {
            icon.setIconLiteral("mdi2p-pause");
            timeline.play();
        } else {
            stop();
        }
    }

    /** The P key: presses the button, then plays or pauses as it says. */
    void press() {
        button.setSelected(!button.isSelected());
        toggle();
    }

    void stop() {
        timeline.stop();
        button.setSelected(false);
        icon.setIconLiteral("mdi2p-play");
    }

    private void tick() {
        if (model.runningProperty().get() || model.stepper() == null) {
            stop();
            return;
        }
        model.step();
    }

    private String speedText() {
        return MessageFormat.format(resources.getString("stepper.speed.tooltip"), Texts.number(speed.getValue()));
    }
}
