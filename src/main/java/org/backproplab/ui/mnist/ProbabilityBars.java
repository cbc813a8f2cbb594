package org.backproplab.ui.mnist;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.backproplab.ui.Format;

/** Ten bars, one per digit, as long as the probability the model gives it; the most likely one stands out. */
public final class ProbabilityBars extends GridPane {

    private final Region[] fills = new Region[10];
    private final Label[] values = new Label[10];
    private final Label[] digits = new Label[10];

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        for (int d = 0; d < 10; d++) {
            digits[d] = new Label(Integer.toString(d));
            digits[d].getStyleClass().add("probability-digit");
            Region track = new Region();
            track.getStyleClass().add("probability-track");
            fills[d] = new Region();
            fills[d].getStyleClass().add("probability-fill");
            fills[d].setMaxWidth(0);
            fills[d].setMinWidth(0);
            StackPane bar = new StackPane(track, fills[d]);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("probability-bar");
            values[d] = new Label(Format.NONE);
            values[d].getStyleClass().add("probability-value");
            values[d].setMinWidth(Region.USE_PREF_SIZE);
            addRow(d, digits[d], bar, values[d]);
        }
    }

    /** Shows ten probabilities, or empty bars (null). */
    public void show(double[] p) {
        int best = -1;
        if (p != null) {
            best = 0;
            for (int d = 1; d < 10; d++) {
                best = p[d] > p[best] ? d : best;
            }
        }
        for (int d = 0; d < 10; d++) {
            StackPane bar = (StackPane) fills[d].getParent();
            fills[d].maxWidthProperty().unbind();
            double share = p == null ? 0 : p[d];
            fills[d].maxWidthProperty().bind(bar.widthProperty().multiply(share));
            values[d].setText(p == null ? Format.NONE : Format.percent(share, 2));
            boolean top = d == best;
            for (var node : new javafx.scene.Node[] {fills[d], values[d], digits[d]}) {
                node.getStyleClass().remove("best");
                if (top) {
                    node.getStyleClass().add("best");
                }
            }
        }
    }
}
