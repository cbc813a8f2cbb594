package org.backproplab.ui;

import java.util.Arrays;
import java.util.List;

import javafx.beans.NamedArg;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.backproplab.engine.Numbers;
import org.backproplab.stepper.LossHistory;
import org.backproplab.stepper.Texts;

/**
 * Losses as lines on a canvas, each drawn from a {@link LossHistory} decimated to two points per pixel column, so a
 * redraw costs the same after ten iterations or a million and the chart stays smooth while a run adds thousands a
 * second. The x axis runs from 1 to the first history's count; its {@link Look} says how the y axis is scaled and
 * which colours the lines take.
 */
public final class LossChart extends Region {

    /** How a chart is scaled and drawn: the Playground's two losses from 0, or the step-through view's one loss. */
    public enum Look {
        /**
         * The Playground's: the training and the test loss per epoch (training grey, test dark, as in the browser
         * playground) on one scale from 0 to the larger maximum, which is labelled with three significant digits.
         */
        FROM_ZERO(new Margins(44, 8, 6, 16), Color.web("#b5bec9"), Styles.PLAYGROUND_LOSS_PLOT, 70, 110,
                List.of(Color.web("#98a3b3"), Color.web("#1c2530"))),
        /**
         * The step-through view's: the loss of every iteration, one blue line scaled from its smallest to its
         * largest value (both labelled in full); a lone loss is a dot.
         */
        MIN_TO_MAX(new Margins(74, 10, 8, 20), Color.web("#8a94a3"), Styles.LOSS_CHART, 80, USE_COMPUTED_SIZE,
                List.of(Color.web("#2f66d0")));

        private final Margins margins;
        private final Color axis;
        private final String styleClass;
        private final double minHeight;
        private final double prefHeight;
        private final List<Color> lines;

        Look(Margins margins, Color axis, String styleClass, double minHeight, double prefHeight, List<Color> lines) {
            this.margins = margins;
            this.axis = axis;
            this.styleClass = styleClass;
            this.minHeight = minHeight;
            this.prefHeight = prefHeight;
            this.lines = lines;
        }

        /** The colour of the i-th history's line. */
        public Color line(int i) {
            return lines.get(i);
        }
    }

    private record Margins(double left, double right, double top, double bottom) {
    }

    private static final Color TEXT = Color.web("#566272");

    private final Look look;
    private final Canvas canvas = new Canvas();
    private List<LossHistory> histories = List.of();
    private int count;
    private String emptyText = "";

    /** A chart with this look; FXML writes {@code <LossChart look="FROM_ZERO"/>}. */
    public LossChart(@NamedArg("look") Look look) {
        this.look = look;
        getStyleClass().add(look.styleClass);
        getChildren().add(canvas);
        setMinHeight(look.minHeight);
        setPrefHeight(look.prefHeight);
    }

    public Look look() {
        return look;
    }

    /** What the chart says while there is no loss to draw. */
    public void setEmptyText(String text) {
        emptyText = text;
        redraw();
    }

    /**
     * Shows the first {@code upTo} losses of each history, drawn in this order (a null history is left out); the
     * chart is empty while the first has none.
     */
    public void show(int upTo, LossHistory... lossHistories) {
        histories = Arrays.asList(lossHistories.clone());
        count = upTo;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    private void redraw() {
        Margins m = look.margins;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        double plotW = w - m.left - m.right;
        double plotH = h - m.top - m.bottom;
        if (plotW < 10 || plotH < 10) {
            return;
        }
        gc.setStroke(look.axis);
        gc.setLineWidth(1);
        gc.strokeLine(m.left, m.top, m.left, m.top + plotH);
        gc.strokeLine(m.left, m.top + plotH, m.left + plotW, m.top + plotH);
        gc.setFont(Font.font(11));
        gc.setFill(TEXT);
        int buckets = Math.max(1, (int) plotW);
        LossHistory.Series[] series = new LossHistory.Series[histories.size()];
        for (int i = 0; i < series.length; i++) {
            series[i] = histories.get(i) == null ? null : histories.get(i).decimated(buckets, count);
        }
        LossHistory.Series first = series.length == 0 ? null : series[0];
        if (first == null || first.size() == 0) {
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(emptyText, m.left + plotW / 2, m.top + plotH / 2);
            return;
        }
        double[] range = look == Look.FROM_ZERO ? fromZero(series) : minToMax(first);
        double min = range[0];
        double max = range[1];
        double lastX = Math.max(2, first.count());
        // the y labels: the Playground's sit 2 px outside the plot, the step-through view's inside it
        double gap = look == Look.FROM_ZERO ? 5 : 6;
        double nudge = look == Look.FROM_ZERO ? 2 : 0;
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(look == Look.FROM_ZERO ? Numbers.significant(max, 3) : Texts.number(max), m.left - gap, m.top - nudge);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(look == Look.FROM_ZERO ? "0" : Texts.number(min), m.left - gap, m.top + plotH + nudge);
        double below = m.top + plotH + (look == Look.FROM_ZERO ? 2 : 3);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("1", m.left, below);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(Integer.toString(first.count()), m.left + plotW, below);
        for (int i = 0; i < series.length; i++) {
            if (series[i] != null) {
                line(gc, series[i], look.line(i), lastX, min, max, plotW, plotH);
            }
        }
        if (look == Look.MIN_TO_MAX && first.size() == 1) {
            gc.setFill(look.line(0));
            gc.fillOval(m.left - 3, y(first.losses()[0], min, max, plotH) - 3, 6, 6);
        }
    }

    /** From 0 to the largest loss of any history (1 when there is none above 0). */
    private static double[] fromZero(LossHistory.Series[] series) {
        double max = series[0].max();
        for (int i = 1; i < series.length; i++) {
            if (series[i] != null && series[i].size() > 0) {
                max = Math.max(max, series[i].max());
            }
        }
        return new double[] {0, max > 0 ? max : 1};
    }

    /** From the smallest to the largest loss, widened a little when they are (nearly) the same. */
    private static double[] minToMax(LossHistory.Series s) {
        double min = s.min();
        double max = s.max();
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            max = min + Math.max(1e-9, Math.abs(min) * 0.1 + 1e-9);
        }
        return new double[] {min, max};
    }

    private double y(double loss, double min, double max, double plotH) {
        return look.margins.top + (1 - Math.min(1, (loss - min) / (max - min))) * plotH;
    }

    private void line(GraphicsContext gc, LossHistory.Series s, Color color, double lastX, double min, double max,
                      double plotW, double plotH) {
        gc.setStroke(color);
        gc.setLineWidth(2);
        gc.beginPath();
        for (int i = 0; i < s.size(); i++) {
            double x = look.margins.left + (s.iterations()[i] - 1) / (lastX - 1) * plotW;
            double y = y(s.losses()[i], min, max, plotH);
            if (i == 0) {
                gc.moveTo(x, y);
            } else {
                gc.lineTo(x, y);
            }
        }
        gc.stroke();
    }
}
