package org.backproplab.ui.landscape;

import javafx.scene.paint.Color;

import org.backproplab.ui.landscape.LandscapeTabModel.Racer;

/**
 * Each racer's colour, from the Okabe–Ito palette that stays distinct with every common colour blindness, and a
 * basin's colour per minimum. The paths are drawn over the viridis contour map, so the palette's yellow is left out.
 */
final class RacerColours {

    private RacerColours() {
    }

    static Color of(Racer r) {
        return switch (r) {
            case SGD -> Color.web("#ffffff");
            case NOISY -> Color.web("#cc79a7");
            case MOMENTUM -> Color.web("#e69f00");
            case NESTEROV -> Color.web("#d55e00");
            case RMSPROP -> Color.web("#56b4e9");
            case ADAM -> Color.web("#ff3b3b");
            case NEWTON -> Color.web("#009e73");
        };
    }

    /** The colour of the basin of minimum {@code k}: hues a golden angle apart, so neighbours differ. */
    static Color basin(int k) {
        return Color.hsb((k * 137.508 + 30) % 360, 0.55, 0.92);
    }
}
