package org.backproplab.ui.stepper;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.backproplab.stepper.LossHistory;
import org.backproplab.stepper.Texts;

/**
 * The loss of every iteration as a line, drawn on a canvas from a {@link LossHistory} decimated to two points per
 * pixel column, so a redraw costs the same after ten iterations or a million and the chart stays smooth while a
 * run adds thousands a second.
 */
final class LossChart extends Region {

    private static final double LEFT = 74;
    private static final double RIGHT = 10;
    private static final double TOP = 8;
    private static final double BOTTOM = 20;
    private static final Color LINE = Color.web("#2f66d0");
    private static final Color AXIS = Color.web("#8a94a3");
    private static final Color TEXT = Color.web("#566272");

    private final Canvas canvas = new Canvas();
    private LossHistory history;
    private String emptyText = "";

    LossChart() {
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        setMinHeight(80);
    }

    void setEmptyText(String text) {
        emptyText = text;
        redraw();
    }

    /** Shows the first {@code count} losses of {@code h}. */
    void show(LossHistory h, int count) {
        history = h;
        shown = count;
        redraw();
    }

    private int shown;

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        gc.setStroke(AXIS);
        gc.setLineWidth(1);
        gc.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        gc.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        gc.setFont(Font.font(11));
        gc.setFill(TEXT);
        LossHistory.Series s = history == null ? null : history.decimated(Math.max(1, (int) plotW), shown);
        if (s == null || s.size() == 0) {
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(emptyText, LEFT + plotW / 2, TOP + plotH / 2);
            return;
        }
        double min = s.min();
        double max = s.max();
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            max = min + Math.max(1e-9, Math.abs(min) * 0.1 + 1e-9);
        }
        double lastX = Math.max(2, s.count());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(Texts.number(max), LEFT - 6, TOP);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(Texts.number(min), LEFT - 6, TOP + plotH);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("1", LEFT, TOP + plotH + 3);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(Integer.toString(s.count()), LEFT + plotW, TOP + plotH + 3);

        gc.setStroke(LINE);
        gc.setLineWidth(2);
        gc.beginPath();
        for (int i = 0; i < s.size(); i++) {
            double x = LEFT + (s.iterations()[i] - 1) / (lastX - 1) * plotW;
            double y = TOP + (1 - (s.losses()[i] - min) / (max - min)) * plotH;
            if (i == 0) {
                gc.moveTo(x, y);
            } else {
                gc.lineTo(x, y);
            }
        }
        gc.stroke();
        if (s.size() == 1) {
            gc.setFill(LINE);
            double y = TOP + (1 - (s.losses()[0] - min) / (max - min)) * plotH;
            gc.fillOval(LEFT - 3, y - 3, 6, 6);
        }
    }
}
