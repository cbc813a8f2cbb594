package org.backproplab.ui.playground;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.backproplab.data.ToyData;
import org.backproplab.engine.Numbers;
import org.backproplab.ui.Styles;

/**
 * The decision boundary as a heat-map behind the points: the network's output over a {@value PlaygroundRun#BOUNDARY}²
 * grid, written into one image by its pixel writer at every frame and scaled up to the square the view has, with the
 * points on a canvas above it — training points with a white ring, test points with a dark ring — and the axes'
 * ticks. The points are redrawn only when they or the size change; a frame only copies 10,000 pixels.
 */
public final class BoundaryView extends Region {

    /** Room for the tick labels left of and under the square. */
    static final double LEFT = 26;
    static final double BOTTOM = 18;
    static final double RADIUS = 3.6;
    private static final Color TICK_TEXT = Color.web("#566272");
    private static final Color TEST_RING = Color.web("#1c2530");

    private final WritableImage image = new WritableImage(PlaygroundRun.BOUNDARY, PlaygroundRun.BOUNDARY);
    private final ImageView imageView = new ImageView(image);
    private final Canvas points = new Canvas();
    private PlaygroundData data;
    private boolean classification = true;
    private boolean showTest = true;
    private long pixelsWritten;

    public BoundaryView() {
        getStyleClass().add(Styles.PLAYGROUND_BOUNDARY);
        imageView.setSmooth(true);
        imageView.setPreserveRatio(false);
        getChildren().addAll(imageView, points);
        setMinSize(160, 160);
        setPrefSize(380, 380);
        int[] blank = new int[PlaygroundRun.BOUNDARY * PlaygroundRun.BOUNDARY];
        java.util.Arrays.fill(blank, 0xff000000 | HeatMaps.NEUTRAL);
        show(blank);
    }

    /** Writes the boundary's pixels ({@value PlaygroundRun#BOUNDARY}² ARGB, row by row from the top). */
    public void show(int[] argb) {
        int side = PlaygroundRun.BOUNDARY;
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        pixelsWritten++;
    }

    /** How many times the boundary has been written: the live updates, counted. */
    public long updates() {
        return pixelsWritten;
    }

    /** The points to draw over the boundary, coloured by label (classes, or values from lowest to highest). */
    public void showPoints(PlaygroundData d, boolean classes, boolean withTest) {
        if (d == data && classes == classification && withTest == showTest) {
            return;
        }
        data = d;
        classification = classes;
        showTest = withTest;
        drawPoints();
    }

    /** The side of the square the boundary fills. */
    double side() {
        return Math.max(0, Math.min(getWidth() - LEFT - 2, getHeight() - BOTTOM - 2));
    }

    @Override
    protected void layoutChildren() {
        double side = side();
        imageView.setFitWidth(side);
        imageView.setFitHeight(side);
        imageView.relocate(LEFT, 1);
        if (points.getWidth() != getWidth() || points.getHeight() != getHeight()) {
            points.setWidth(getWidth());
            points.setHeight(getHeight());
            drawPoints();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? width - LEFT + BOTTOM : super.computePrefHeight(width);
    }

    private void drawPoints() {
        GraphicsContext gc = points.getGraphicsContext2D();
        gc.clearRect(0, 0, points.getWidth(), points.getHeight());
        double side = side();
        if (data == null || side <= 0) {
            return;
        }
        double extent = data.extent();
        gc.setStroke(Color.web("#d6dce4"));
        gc.setLineWidth(1);
        gc.strokeRect(LEFT - 0.5, 0.5, side + 1, side + 1);
        gc.setFont(Font.font(11));
        gc.setFill(TICK_TEXT);
        for (int k = -2; k <= 2; k++) {
            double v = extent * k / 2;
            String label = Numbers.significant(v, 3);
            double at = (k + 2) / 4.0 * side;
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(label, LEFT + Math.max(8, Math.min(side - 8, at)), side + 4);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(label, LEFT - 4, 1 + Math.max(6, Math.min(side - 6, side - at)));
        }
        draw(gc, data.train(), side, extent, Color.WHITE, 1);
        if (showTest) {
            draw(gc, data.test(), side, extent, TEST_RING, 1.6);
        }
    }

    private void draw(GraphicsContext gc, ToyData.Points p, double side, double extent, Color ring, double width) {
        gc.setStroke(ring);
        gc.setLineWidth(width);
        for (int i = 0; i < p.size(); i++) {
            double x = LEFT + (p.xy()[i][0] + extent) / (2 * extent) * side;
            double y = 1 + (extent - p.xy()[i][1]) / (2 * extent) * side;
            if (x < LEFT || x > LEFT + side || y < 1 || y > 1 + side) {
                continue;
            }
            double label = p.labels()[i];
            double t = classification ? (label >= 0.5 ? 1 : -1) : HeatMaps.signed(label, data.labelMin(), data.labelMax());
            int rgb = HeatMaps.color(t);
            gc.setFill(Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            gc.fillOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
            gc.strokeOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
        }
    }
}
