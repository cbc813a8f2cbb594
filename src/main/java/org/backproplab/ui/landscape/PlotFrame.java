package org.backproplab.ui.landscape;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.backproplab.engine.Numbers;
import org.backproplab.labs.Landscape.Landmark;
import org.backproplab.labs.Landscape.Window;
import org.backproplab.labs.LandscapeGrid;
import org.backproplab.ui.gradflow.HeatColors;

/**
 * The plane of a window drawn in a rectangle of a canvas: the mapping both ways, the axes with their ticks, the
 * landmarks, and the log colour scale of f that the contour map and the 3-D view share.
 */
final class PlotFrame {

    static final double LEFT = 46;
    static final double TOP = 10;
    static final double BOTTOM = 26;

    final Window window;
    final double left;
    final double top;
    final double width;
    final double height;

    PlotFrame(Window window, double left, double top, double width, double height) {
        this.window = window;
        this.left = left;
        this.top = top;
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
    }

    double px(double x) {
        return left + (x - window.xMin()) / window.width() * width;
    }

    double py(double y) {
        return top + (window.yMax() - y) / window.height() * height;
    }

    double x(double px) {
        return window.xMin() + (px - left) / width * window.width();
    }

    double y(double py) {
        return window.yMax() - (py - top) / height * window.height();
    }

    boolean contains(double px, double py) {
        return px >= left && px <= left + width && py >= top && py <= top + height;
    }

    void axes(GraphicsContext g, Color ink) {
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineWidth(1);
        g.strokeRect(left, top, width, height);
        g.setFont(javafx.scene.text.Font.font(11));
        for (int k = 0; k <= 4; k++) {
            double x = window.xMin() + window.width() * k / 4;
            double y = window.yMin() + window.height() * k / 4;
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Numbers.significant(x, 3), px(x), top + height + 15);
            g.strokeLine(px(x), top + height, px(x), top + height + 4);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Numbers.significant(y, 3), left - 6, py(y) + 4);
            g.strokeLine(left - 4, py(y), left, py(y));
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("x", left + width * 0.875, top + height + 15);
        g.fillText("y", left - 40, top + 10);
    }

    /** A minimum as a ring (a star-like double ring for a global one), a saddle as a cross. */
    void landmark(GraphicsContext g, Landmark m) {
        double x = px(m.x());
        double y = py(m.y());
        g.setLineWidth(2);
        if (m.kind() == Landmark.Kind.SADDLE) {
            g.setStroke(Color.WHITE);
            g.strokeLine(x - 6, y - 6, x + 6, y + 6);
            g.strokeLine(x - 6, y + 6, x + 6, y - 6);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.strokeLine(x - 6, y - 6, x + 6, y + 6);
            g.strokeLine(x - 6, y + 6, x + 6, y - 6);
            return;
        }
        double r = m.kind() == Landmark.Kind.GLOBAL_MINIMUM ? 7 : 5;
        g.setFill(Color.WHITE);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(Color.BLACK);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        if (m.kind() == Landmark.Kind.GLOBAL_MINIMUM) {
            g.setFill(Color.BLACK);
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
        }
    }

    /**
     * Where a value sits on the colour scale, 0 to 1: log(f − min + δ) between log δ and log(max − min + δ), with δ a
     * thousandth of the range. f can be negative and spans decades (Rosenbrock: 0 to 2,500), so a linear scale would
     * show one colour everywhere but the rim; shifting by the minimum makes the log defined, δ keeps the bottom finite.
     */
    static double level(double f, double min, double max) {
        if (!Double.isFinite(f)) {
            return 1;
        }
        double range = Math.max(max - min, 1e-300);
        double delta = range * 1e-3;
        double t = Math.log((f - min + delta) / delta) / Math.log((range + delta) / delta);
        return Math.max(0, Math.min(1, t));
    }

    /** The value at a level: the inverse of {@link #level}, for the colour bar's labels. */
    static double valueAt(double t, double min, double max) {
        double range = Math.max(max - min, 1e-300);
        double delta = range * 1e-3;
        return min - delta + delta * Math.pow((range + delta) / delta, t);
    }

    static Color colour(double t) {
        int rgb = HeatColors.viridis(t);
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    /** A vertical colour bar with the values of five levels beside it. */
    static void colourBar(GraphicsContext g, double x, double top, double height, LandscapeGrid.Values v, Color ink) {
        for (int k = 0; k < height; k++) {
            g.setFill(colour(1 - k / height));
            g.fillRect(x, top + k, 14, 1.5);
        }
        g.setStroke(ink);
        g.strokeRect(x, top, 14, height);
        g.setFill(ink);
        g.setTextAlign(TextAlignment.LEFT);
        for (int k = 0; k <= 4; k++) {
            double t = k / 4.0;
            g.fillText(Numbers.significant(valueAt(t, v.min(), v.max()), 3), x + 18, top + (1 - t) * height + 4);
        }
    }
}
