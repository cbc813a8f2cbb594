package org.backproplab.ui.mnist;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

import org.backproplab.ui.Format;

/**
 * The confusion matrix as a heat map of labelled cells: true digits down the side, predictions across the top,
 * each cell its count, coloured by the share of its row (the diagonal blue, mistakes red, brightened so that a
 * few percent show).
 */
public final class ConfusionMatrixView extends GridPane {

    static final int CLASSES = 10;
    private static final CornerRadii RADIUS = new CornerRadii(2);
    private final Label[][] cells = new Label[CLASSES][CLASSES];
    private final Label predictedTitle = new Label();
    private final Label trueTitle = new Label();

    public ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        predictedTitle.getStyleClass().add("confusion-axis");
        trueTitle.getStyleClass().add("confusion-axis");
        add(predictedTitle, 2, 0, CLASSES, 1);
        GridPane.setHalignment(predictedTitle, HPos.CENTER);
        trueTitle.setRotate(-90);
        add(new Group(trueTitle), 0, 2, 1, CLASSES);
        for (int d = 0; d < CLASSES; d++) {
            add(header(d), 2 + d, 1);
            add(header(d), 1, 2 + d);
            for (int p = 0; p < CLASSES; p++) {
                Label cell = new Label();
                cell.getStyleClass().add("confusion-cell");
                cell.setAlignment(Pos.CENTER);
                cell.setTooltip(new Tooltip());
                cells[d][p] = cell;
                add(cell, 2 + p, 2 + d);
            }
        }
        for (var child : getChildren()) {
            GridPane.setValignment(child, VPos.CENTER);
        }
    }

    /** Shows a matrix, or empty cells (null) before the first evaluation. */
    public void show(ConfusionMatrix m, ResourceBundle messages) {
        predictedTitle.setText(messages.getString("mnist.confusion.predicted"));
        trueTitle.setText(messages.getString("mnist.confusion.true"));
        for (int t = 0; t < CLASSES; t++) {
            for (int p = 0; p < CLASSES; p++) {
                Label cell = cells[t][p];
                if (m == null) {
                    cell.setText("");
                    cell.setBackground(null);
                    cell.getTooltip().setText(messages.getString("mnist.confusion.empty"));
                    continue;
                }
                int count = m.count(t, p);
                int rgb = ColorMap.mix(ColorMap.WHITE, t == p ? ColorMap.RIGHT : ColorMap.WRONG, m.intensity(t, p));
                cell.setText(count == 0 ? "" : Integer.toString(count));
                // Set in code, so no stylesheet may give the cells a background (author CSS would win).
                cell.setBackground(new Background(new BackgroundFill(Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff,
                        rgb & 0xff), RADIUS, null)));
                cell.setTextFill(ColorMap.isDark(rgb) ? Color.WHITE : Color.rgb(0x1c, 0x25, 0x30));
                String tip = MessageFormat.format(messages.getString(t == p ? "mnist.confusion.tip.right"
                        : "mnist.confusion.tip.wrong"), count, t, p, Format.percent(m.rate(t, p), 2));
                cell.getTooltip().setText(tip);
                cell.setAccessibleText(tip);
            }
        }
    }

    private static Label header(int digit) {
        Label l = new Label(Integer.toString(digit));
        l.getStyleClass().add("confusion-header");
        l.setAlignment(Pos.CENTER);
        GridPane.setHalignment(l, HPos.CENTER);
        return l;
    }
}
