package org.backproplab.ui.gradflow;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import org.backproplab.ui.Styles;

/**
 * The gradient norm of every layer over the steps: the output layer on top, the first layer at the bottom, time
 * to the right, colour for the norm on the shared log scale (viridis, with its key underneath; red for NaN or
 * infinity). Vanishing gradients are a dark band at the bottom, exploding ones a bright or red band at the top.
 * The map is drawn pixel for pixel at the size it is shown, each cell a sharp block.
 */
public final class HeatMapView extends Region {

    private static final double LEFT = 46;
    private static final double RIGHT = 8;
    private static final double TOP = 4;
    private static final double STEPS = 18;
    private static final double KEY = 10;
    private static final double KEY_LABELS = 16;

    private final ImageView map = new ImageView();
    private final Rectangle frame = new Rectangle();
    private final Text firstLayer = label();
    private final Text lastLayer = label();
    private final Text layerTitle = label();
    private final Text firstStep = label();
    private final Text lastStep = label();
    private final Text stepTitle = label();
    private final Rectangle key = new Rectangle();
    private final Group keyLabels = new Group();
    private final Rectangle overflowKey = new Rectangle(10, KEY);
    private final Text overflowLabel = label();
    private HeatMap heat;
    private LogScale scale = LogScale.EMPTY;
    private int drawnWidth;
    private int drawnHeight;
    private boolean stale;

    public HeatMapView() {
        getStyleClass().add(Styles.HEAT_MAP_VIEW);
        map.setSmooth(false);
        frame.getStyleClass().add(Styles.HEAT_MAP_FRAME);
        key.setFill(viridisGradient());
        overflowKey.setFill(color(HeatColors.OVERFLOW));
        overflowLabel.setText("NaN, ∞");
        for (Text t : List.of(firstLayer, lastLayer, layerTitle, overflowLabel)) {
            t.setTextOrigin(VPos.CENTER);
        }
        layerTitle.setRotate(-90);
        getChildren().addAll(map, frame, firstLayer, lastLayer, layerTitle, firstStep, lastStep, stepTitle, key,
                keyLabels, overflowKey, overflowLabel);
        setMinSize(160, 100);
        setPrefSize(400, 200);
    }

    private static Text label() {
        Text t = new Text();
        t.getStyleClass().add(Styles.FLOW_AXIS_LABEL);
        t.setTextOrigin(VPos.TOP);
        return t;
    }

    private static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    private static LinearGradient viridisGradient() {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 16; i++) {
            stops.add(new Stop(i / 16.0, color(HeatColors.viridis(i / 16.0))));
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops);
    }

    /** The map coloured on the scale. */
    public void show(HeatMap data, LogScale axis) {
        heat = data;
        stale = true;
        firstLayer.setText("1");
        lastLayer.setText(Integer.toString(data.layers()));
        int columns = data.columns();
        firstStep.setText(columns == 0 ? "" : Integer.toString(data.step(0)));
        lastStep.setText(columns < 2 ? "" : Integer.toString(data.step(columns - 1)));
        if (!axis.equals(scale) || keyLabels.getChildren().isEmpty()) {
            scale = axis;
            keyLabels.getChildren().clear();
            for (int e : axis.ticks(6)) {
                Text t = label();
                t.setText(LogScale.label(e));
                t.setUserData(e);
                keyLabels.getChildren().add(t);
            }
        }
        requestLayout();
    }

    /** The titles of the axes: layers (up the left side) and steps (under the map). */
    public void setTitles(String layer, String step) {
        layerTitle.setText(layer);
        stepTitle.setText(step);
        requestLayout();
    }

    /** Columns of the map shown (for tests). */
    public int columns() {
        return heat == null ? 0 : heat.columns();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = Math.round(snappedLeftInset() + LEFT);
        double y0 = Math.round(snappedTopInset() + TOP);
        int pw = (int) Math.max(10, w - LEFT - RIGHT);
        int ph = (int) Math.max(10, h - TOP - STEPS - KEY - KEY_LABELS - 4);
        if (heat != null && (stale || pw != drawnWidth || ph != drawnHeight)) {
            map.setImage(FlowImages.image(map.getImage(), heat.argb(scale, pw, ph), pw, ph));
            drawnWidth = pw;
            drawnHeight = ph;
            stale = false;
        }
        map.setX(x0);
        map.setY(y0);
        frame.setX(x0 - 0.5);
        frame.setY(y0 - 0.5);
        frame.setWidth(pw + 1);
        frame.setHeight(ph + 1);
        int layers = heat == null ? 1 : heat.layers();
        double row = (double) ph / layers;
        place(firstLayer, x0 - 6 - firstLayer.getLayoutBounds().getWidth(), y0 + ph - row / 2);
        place(lastLayer, x0 - 6 - lastLayer.getLayoutBounds().getWidth(), y0 + row / 2);
        double tw = layerTitle.getLayoutBounds().getWidth();
        place(layerTitle, snappedLeftInset() + 10 - tw / 2, y0 + ph / 2);
        double stepsY = y0 + ph + 3;
        place(firstStep, x0, stepsY);
        place(lastStep, x0 + pw - lastStep.getLayoutBounds().getWidth(), stepsY);
        place(stepTitle, x0 + pw / 2.0 - stepTitle.getLayoutBounds().getWidth() / 2, stepsY);
        double keyY = stepsY + STEPS;
        double keyWidth = Math.max(10, pw - 70);
        key.setX(x0);
        key.setY(keyY);
        key.setWidth(keyWidth);
        key.setHeight(KEY);
        for (var n : keyLabels.getChildren()) {
            Text t = (Text) n;
            double x = x0 + scale.exponentFraction((Integer) t.getUserData()) * keyWidth - t.getLayoutBounds().getWidth() / 2;
            place(t, Math.max(x0 - 4, Math.min(x0 + keyWidth - t.getLayoutBounds().getWidth() + 4, x)), keyY + KEY + 1);
        }
        overflowKey.setX(x0 + keyWidth + 10);
        overflowKey.setY(keyY);
        place(overflowLabel, x0 + keyWidth + 24, keyY + KEY / 2);
    }

    private static void place(Text t, double x, double y) {
        t.setX(Math.round(x));
        t.setY(Math.round(y));
    }
}
