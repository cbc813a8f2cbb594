package org.backproplab.ui.playground;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.backproplab.engine.Numbers;
import org.backproplab.ui.Styles;
import org.backproplab.stepper.LossHistory;

/**
 * The training and test loss after every epoch, two lines on one scale from 0, drawn on a canvas from the
 * {@link LossHistory} decimated to two points per pixel column, so a redraw costs the same after ten epochs or
 * a million. Test dark, training grey, as in the browser playground.
 */
public final class LossPlot extends Region {

    static final Color TRAIN = Color.web("#98a3b3");
    static final Color TEST = Color.web("#1c2530");
    private static final double LEFT = 44;
    private static final double RIGHT = 8;
    private static final double TOP = 6;
    private static final double BOTTOM = 16;
    private static final Color AXIS = Color.web("#b5bec9");
    private static final Color TEXT = Color.web("#566272");

    private final Canvas canvas = new Canvas();
    private LossHistory train;
    private LossHistory test;
    private int count;
    private String emptyText = "";

    public LossPlot() {
        getStyleClass().add(Styles.PLAYGROUND_LOSS_PLOT);
        getChildren().add(canvas);
        setMinHeight(70);
        setPrefHeight(110);
    }

    public void setEmptyText(String text) {
        emptyText = text;
        redraw();
    }

    /** Shows the first {@code epochs} losses of each history. */
    public void show(LossHistory trainLoss, LossHistory testLoss, int epochs) {
        train = trainLoss;
        test = testLoss;
        count = epochs;
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
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (plotW < 10 || plotH < 10) {
            return;
        }
        gc.setStroke(AXIS);
        gc.setLineWidth(1);
        gc.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        gc.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        gc.setFont(Font.font(11));
        gc.setFill(TEXT);
        int buckets = Math.max(1, (int) plotW);
        LossHistory.Series a = train == null ? null : train.decimated(buckets, count);
        LossHistory.Series b = test == null ? null : test.decimated(buckets, count);
        if (a == null || a.size() == 0) {
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(emptyText, LEFT + plotW / 2, TOP + plotH / 2);
            return;
        }
        double max = Math.max(a.max(), b == null || b.size() == 0 ? 0 : b.max());
        if (!(max > 0)) {
            max = 1;
        }
        double lastX = Math.max(2, a.count());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(Numbers.significant(max, 3), LEFT - 5, TOP - 2);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText("0", LEFT - 5, TOP + plotH + 2);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("1", LEFT, TOP + plotH + 2);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(Integer.toString(a.count()), LEFT + plotW, TOP + plotH + 2);
        line(gc, a, TRAIN, lastX, max, plotW, plotH);
        if (b != null) {
            line(gc, b, TEST, lastX, max, plotW, plotH);
        }
    }

    private static void line(GraphicsContext gc, LossHistory.Series s, Color color, double lastX, double max,
                             double plotW, double plotH) {
        gc.setStroke(color);
        gc.setLineWidth(2);
        gc.beginPath();
        for (int i = 0; i < s.size(); i++) {
            double x = LEFT + (s.iterations()[i] - 1) / (lastX - 1) * plotW;
            double y = TOP + (1 - Math.min(1, s.losses()[i] / max)) * plotH;
            if (i == 0) {
                gc.moveTo(x, y);
            } else {
                gc.lineTo(x, y);
            }
        }
        gc.stroke();
    }
}
