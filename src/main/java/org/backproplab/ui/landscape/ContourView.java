package org.backproplab.ui.landscape;

import java.util.List;
import java.util.function.BiConsumer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.backproplab.labs.Landscape.Landmark;
import org.backproplab.labs.Landscape.Point;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.labs.LandscapeGrid;
import org.backproplab.labs.Walk;
import org.backproplab.ui.landscape.LandscapeTabModel.Run;

/**
 * The contour map: f on the grid as colours on a log scale with contour lines at twelve log-spaced levels, a colour
 * bar, the known minima and saddles, every racer's path in its colour, and at the followed racer's point its
 * downhill gradient −∇f (black) and the direction of its update's state, −v or −m (its colour), on one scale so
 * their lengths compare. A click in the map sets the start.
 */
final class ContourView extends CanvasView {

    static final int LEVELS = 12;
    private static final double RIGHT = 80;

    private LandscapeGrid.Values values;
    private List<Landmark> landmarks = List.of();
    private List<Run> runs = List.of();
    private Run followed;
    private XY start;
    private List<List<XY>> lines = List.of();
    private List<Color> lineColours = List.of();
    private WritableImage image;
    private PlotFrame frame;

    ContourView(BiConsumer<Double, Double> onPick) {
        super("landscape-contour", 200, 160);
        setFocusTraversable(true);
        base.setOnMouseClicked(e -> {
            if (frame != null && frame.contains(e.getX(), e.getY())) {
                onPick.accept(frame.x(e.getX()), frame.y(e.getY()));
            }
        });
    }

    void setValues(LandscapeGrid.Values v, List<Landmark> marks) {
        values = v;
        landmarks = marks;
        image = v == null ? null : image(v);
        draw();
    }

    void setRace(List<Run> all, Run follow, XY from) {
        runs = all;
        followed = follow;
        start = from;
        drawOverlay();
    }

    /** The grid drawn, or null. */
    LandscapeGrid.Values values() {
        return values;
    }

    /** Plain paths in their colours (a network's training paths on its slice), each ending in a dot. */
    void setLines(List<List<XY>> paths, List<Color> colours) {
        lines = paths;
        lineColours = colours;
        drawOverlay();
    }

    /** Where a point of the plane is on the screen, for tests that click it. */
    javafx.geometry.Point2D screenPoint(double x, double y) {
        return base.localToScreen(frame.px(x), frame.py(y));
    }

    private static WritableImage image(LandscapeGrid.Values v) {
        WritableImage img = new WritableImage(v.nx(), v.ny());
        PixelWriter w = img.getPixelWriter();
        double min = v.min();
        double max = v.max();
        for (int j = 0; j < v.ny(); j++) {
            for (int i = 0; i < v.nx(); i++) {
                w.setColor(i, v.ny() - 1 - j, PlotFrame.colour(PlotFrame.level(v.at(i, j), min, max)));
            }
        }
        return img;
    }

    @Override
    void drawBase(GraphicsContext g) {
        double w = base.getWidth();
        double h = base.getHeight();
        if (values == null || w < 100 || h < 60) {
            frame = null;
            return;
        }
        frame = new PlotFrame(values.window(), PlotFrame.LEFT, PlotFrame.TOP, w - PlotFrame.LEFT - RIGHT,
                h - PlotFrame.TOP - PlotFrame.BOTTOM);
        g.setImageSmoothing(true);
        g.drawImage(image, frame.left, frame.top, frame.width, frame.height);
        contours(g);
        Color ink = Color.gray(0.35);
        frame.axes(g, ink);
        PlotFrame.colourBar(g, frame.left + frame.width + 12, frame.top, frame.height, values, ink);
        landmarks.forEach(m -> frame.landmark(g, m));
    }

    @Override
    void drawOverlay(GraphicsContext g) {
        if (frame == null) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(frame.left, frame.top, frame.width, frame.height);
        g.clip();
        for (Run run : runs) {
            path(g, run);
        }
        for (int k = 0; k < lines.size(); k++) {
            line(g, lines.get(k), lineColours.get(k));
        }
        if (start != null) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeOval(frame.px(start.x()) - 6, frame.py(start.y()) - 6, 12, 12);
        }
        arrows(g);
        g.restore();
    }

    private void path(GraphicsContext g, Run run) {
        List<Point> pts = run.points();
        Color c = RacerColours.of(run.racer());
        g.setStroke(c);
        g.setLineWidth(run == followed ? 2.5 : 1.6);
        Polyline line = new Polyline(g);
        for (Point p : pts) {
            line.to(frame.px(p.x()), frame.py(p.y()));
        }
        line.stroke();
        Point last = pts.get(pts.size() - 1);
        g.setFill(c);
        g.fillOval(frame.px(last.x()) - 4.5, frame.py(last.y()) - 4.5, 9, 9);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.strokeOval(frame.px(last.x()) - 4.5, frame.py(last.y()) - 4.5, 9, 9);
    }

    private void line(GraphicsContext g, List<XY> pts, Color c) {
        g.setStroke(c);
        g.setLineWidth(2);
        g.beginPath();
        g.moveTo(frame.px(pts.get(0).x()), frame.py(pts.get(0).y()));
        for (XY p : pts) {
            g.lineTo(frame.px(p.x()), frame.py(p.y()));
        }
        g.stroke();
        g.setFill(c);
        for (XY p : pts) {
            g.fillOval(frame.px(p.x()) - 2.5, frame.py(p.y()) - 2.5, 5, 5);
        }
    }

    /** −∇f and the state's direction at the followed racer's point, scaled together, the longer 70 px. */
    private void arrows(GraphicsContext g) {
        if (followed == null || followed.last() == null) {
            return;
        }
        Walk.Step s = followed.last();
        XY grad = s.gradient();
        XY state = s.state().getOrDefault("m", s.state().getOrDefault("v", s.state().get("Δ")));
        boolean isDelta = state != null && s.state().containsKey("Δ");
        double gx = -grad.x() / values.window().width() * frame.width;
        double gy = grad.y() / values.window().height() * frame.height;
        double sx = 0;
        double sy = 0;
        if (state != null) {
            double sign = isDelta ? 1 : -1;
            sx = sign * state.x() / values.window().width() * frame.width;
            sy = -sign * state.y() / values.window().height() * frame.height;
        }
        double longest = Math.max(Math.hypot(gx, gy), Math.hypot(sx, sy));
        if (!(longest > 0) || !Double.isFinite(longest)) {
            return;
        }
        double k = 70 / longest;
        double x0 = frame.px(s.after().x());
        double y0 = frame.py(s.after().y());
        arrow(g, x0, y0, gx * k, gy * k, Color.BLACK);
        if (state != null) {
            arrow(g, x0, y0, sx * k, sy * k, RacerColours.of(followed.racer()).darker());
        }
    }

    private static void arrow(GraphicsContext g, double x, double y, double dx, double dy, Color c) {
        double len = Math.hypot(dx, dy);
        if (len < 2) {
            return;
        }
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(2.5);
        g.strokeLine(x, y, x + dx, y + dy);
        double ux = dx / len;
        double uy = dy / len;
        double hx = x + dx;
        double hy = y + dy;
        g.fillPolygon(new double[] {hx, hx - 9 * ux + 4.5 * uy, hx - 9 * ux - 4.5 * uy},
                new double[] {hy, hy - 9 * uy - 4.5 * ux, hy - 9 * uy + 4.5 * ux}, 3);
    }

    /** Marching squares on the level grid: one segment (two at an ambiguous cell) per cell a level crosses. */
    private void contours(GraphicsContext g) {
        int nx = values.nx();
        int ny = values.ny();
        double min = values.min();
        double max = values.max();
        double[] t = new double[nx * ny];
        for (int k = 0; k < t.length; k++) {
            t[k] = PlotFrame.level(values.f()[k], min, max);
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.45));
        g.setLineWidth(0.8);
        double cw = frame.width / (nx - 1);
        double ch = frame.height / (ny - 1);
        for (int level = 1; level < LEVELS; level++) {
            double c = (double) level / LEVELS;
            for (int j = 0; j + 1 < ny; j++) {
                for (int i = 0; i + 1 < nx; i++) {
                    double a = t[j * nx + i];
                    double b = t[j * nx + i + 1];
                    double d = t[(j + 1) * nx + i];
                    double e = t[(j + 1) * nx + i + 1];
                    double[] xs = new double[4];
                    double[] ys = new double[4];
                    int n = 0;
                    double x0 = frame.left + i * cw;
                    double y0 = frame.top + frame.height - j * ch;
                    if ((a < c) != (b < c)) {
                        xs[n] = x0 + cw * (c - a) / (b - a);
                        ys[n++] = y0;
                    }
                    if ((b < c) != (e < c)) {
                        xs[n] = x0 + cw;
                        ys[n++] = y0 - ch * (c - b) / (e - b);
                    }
                    if ((d < c) != (e < c)) {
                        xs[n] = x0 + cw * (c - d) / (e - d);
                        ys[n++] = y0 - ch;
                    }
                    if ((a < c) != (d < c)) {
                        xs[n] = x0;
                        ys[n++] = y0 - ch * (c - a) / (d - a);
                    }
                    if (n >= 2) {
                        g.strokeLine(xs[0], ys[0], xs[1], ys[1]);
                    }
                    if (n == 4) {
                        g.strokeLine(xs[2], ys[2], xs[3], ys[3]);
                    }
                }
            }
        }
    }
}
