package org.backproplab.ui.landscape;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;

import org.backproplab.labs.Landscape.Point;
import org.backproplab.labs.LandscapeGrid;
import org.backproplab.ui.landscape.LandscapeTabModel.Run;

/**
 * The surface in 3-D, as a canvas projection (no 3-D scene graph, so it draws wherever a canvas does): the grid, at
 * most 60 × 60 cells, as shaded quads with height on the contour map's log scale, drawn back to front, and the racers'
 * paths on it. Turned by dragging, or by the arrow keys when focused (← → turn it, ↑ ↓ tilt it).
 */
final class SurfaceView3D extends CanvasView {

    private static final int MAX_CELLS = 60;
    private final DoubleProperty yaw = new SimpleDoubleProperty(-35);
    private final DoubleProperty pitch = new SimpleDoubleProperty(55);
    private LandscapeGrid.Values values;
    private List<Run> runs = List.of();
    private double dragX;
    private double dragY;

    SurfaceView3D() {
        super("landscape-3d", 200, 160);
        setFocusTraversable(true);
        base.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            requestFocus();
            e.consume(); // else the tab pane around it takes the focus back
        });
        base.setOnMouseDragged(e -> {
            yaw.set(yaw.get() + (e.getX() - dragX) * 0.5);
            pitch.set(clampPitch(pitch.get() + (e.getY() - dragY) * 0.5));
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.LEFT || k == KeyCode.RIGHT) {
                yaw.set(yaw.get() + (k == KeyCode.LEFT ? -10 : 10));
                e.consume();
            } else if (k == KeyCode.UP || k == KeyCode.DOWN) {
                pitch.set(clampPitch(pitch.get() + (k == KeyCode.UP ? 10 : -10)));
                e.consume();
            }
        });
        yaw.addListener((o, a, b) -> draw());
        pitch.addListener((o, a, b) -> draw());
    }

    private static double clampPitch(double p) {
        return Math.max(5, Math.min(89, p));
    }

    /** The turn about the vertical axis, in degrees. */
    DoubleProperty yawProperty() {
        return yaw;
    }

    /** The tilt: 90° looks straight down. */
    DoubleProperty pitchProperty() {
        return pitch;
    }

    void setValues(LandscapeGrid.Values v) {
        values = v;
        draw();
    }

    void setRuns(List<Run> all) {
        runs = all;
        drawOverlay();
    }

    /** Screen x, y and depth of a point of the unit box: u, v in [−1, 1] across the plane, h in [0, 1] up. */
    private double[] project(double u, double v, double h) {
        double a = Math.toRadians(yaw.get());
        double p = Math.toRadians(pitch.get());
        double x = u * Math.cos(a) - v * Math.sin(a);
        double y = u * Math.sin(a) + v * Math.cos(a);
        double z = (h - 0.5) * 0.9;
        double sy = y * Math.sin(p) - z * Math.cos(p);
        double depth = y * Math.cos(p) + z * Math.sin(p);
        double scale = Math.min(base.getWidth(), base.getHeight()) * 0.34;
        return new double[] {base.getWidth() / 2 + x * scale, base.getHeight() / 2 - sy * scale, depth};
    }

    /** No surface yet, or too narrow a view to draw one. */
    private boolean nothingToDraw() {
        return values == null || base.getWidth() < 50;
    }

    @Override
    void drawBase(GraphicsContext g) {
        if (nothingToDraw()) {
            return;
        }
        int step = Math.max(1, (Math.max(values.nx(), values.ny()) + MAX_CELLS - 1) / MAX_CELLS);
        double min = values.min();
        double max = values.max();
        List<double[]> quads = new ArrayList<>();
        for (int j = 0; j + step < values.ny(); j += step) {
            for (int i = 0; i + step < values.nx(); i += step) {
                int[][] corners = {{i, j}, {i + step, j}, {i + step, j + step}, {i, j + step}};
                double[] q = new double[10];
                double depth = 0;
                double level = 0;
                for (int c = 0; c < 4; c++) {
                    double t = PlotFrame.level(values.at(corners[c][0], corners[c][1]), min, max);
                    double[] s = project(u(corners[c][0]), v(corners[c][1]), t);
                    q[c] = s[0];
                    q[4 + c] = s[1];
                    depth += s[2];
                    level += t / 4;
                }
                q[8] = depth;
                q[9] = level;
                quads.add(q);
            }
        }
        quads.sort((a, b) -> Double.compare(b[8], a[8]));
        g.setLineWidth(0.4);
        for (double[] q : quads) {
            Color c = PlotFrame.colour(q[9]);
            g.setFill(c);
            g.fillPolygon(new double[] {q[0], q[1], q[2], q[3]}, new double[] {q[4], q[5], q[6], q[7]}, 4);
            g.setStroke(c.darker());
            g.strokePolygon(new double[] {q[0], q[1], q[2], q[3]}, new double[] {q[4], q[5], q[6], q[7]}, 4);
        }
    }

    @Override
    void drawOverlay(GraphicsContext g) {
        if (nothingToDraw()) {
            return;
        }
        double min = values.min();
        double max = values.max();
        for (Run run : runs) {
            g.setStroke(RacerColours.of(run.racer()));
            g.setLineWidth(2.2);
            Polyline line = new Polyline(g);
            for (Point p : run.points()) {
                double[] s = project(2 * (p.x() - values.window().xMin()) / values.window().width() - 1,
                        2 * (p.y() - values.window().yMin()) / values.window().height() - 1,
                        PlotFrame.level(p.f(), min, max) + 0.01);
                line.to(s[0], s[1]);
            }
            line.stroke();
        }
    }

    private double u(int i) {
        return 2.0 * i / (values.nx() - 1) - 1;
    }

    private double v(int j) {
        return 2.0 * j / (values.ny() - 1) - 1;
    }
}
