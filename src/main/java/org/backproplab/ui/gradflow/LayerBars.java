package org.backproplab.ui.gradflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

import org.backproplab.ui.Styles;

/**
 * One bar per layer, from the input side on the left to the output on the right, on a log axis: a gradient norm
 * ‖∂L/∂W‖ or an update ratio ‖ΔW‖/‖W‖. An optional guide line (the update ratio's 1e-3) runs across. A value that is
 * not finite (an overflow) is a full-height bar in the error colour; a zero has no bar. Styled by CSS.
 */
public final class LayerBars extends Region {

    private static final double LEFT = 46;
    private static final double BOTTOM = 20;
    private static final double TOP = 8;
    private static final double RIGHT = 8;

    private final Group grid = new Group();
    private final Group ticks = new Group();
    private final Group bars = new Group();
    private final Group layerLabels = new Group();
    private final Line guideLine = new Line();
    private final Text guideText = new Text();
    private final Text emptyText = new Text();
    private double[] values = {};
    private LogScale scale = LogScale.EMPTY;
    private double guide = Double.NaN;
    private String tooltipFormat = "%d: %s";
    /** Where the bars were last laid out: the left of the plot and the width of one layer's slot. */
    private double plotLeft;
    private double slotWidth;
    private IntConsumer picked;

    public LayerBars() {
        getStyleClass().add(Styles.LAYER_BARS);
        guideLine.getStyleClass().add(Styles.FLOW_GUIDE);
        guideText.getStyleClass().add(Styles.FLOW_GUIDE_LABEL);
        emptyText.getStyleClass().add(Styles.FLOW_EMPTY);
        guideText.setTextOrigin(VPos.CENTER);
        emptyText.setTextOrigin(VPos.CENTER);
        getChildren().addAll(grid, ticks, bars, layerLabels, guideLine, guideText, emptyText);
        setMinSize(160, 100);
        setPrefSize(400, 220);
        setOnMouseClicked(e -> {
            int layer = layerAt(e.getX());
            if (picked != null && layer > 0) {
                picked.accept(layer);
            }
        });
    }

    /** Tells {@code listener} the layer (from 1) whose slot the user clicks; null: clicks pick nothing. */
    public void setOnLayerPicked(IntConsumer listener) {
        picked = listener;
    }

    /** The layer (from 1) whose slot holds this x, or 0 outside the bars. */
    int layerAt(double x) {
        if (values.length == 0 || slotWidth <= 0 || x < plotLeft) {
            return 0;
        }
        int layer = (int) ((x - plotLeft) / slotWidth) + 1;
        return layer <= values.length ? layer : 0;
    }

    /** The values of layers 1…n on this axis. */
    public void show(double[] layerValues, LogScale axis) {
        if (layerValues.length != values.length) {
            bars.getChildren().clear();
            layerLabels.getChildren().clear();
            for (int l = 0; l < layerValues.length; l++) {
                Region bar = new Region();
                bar.setManaged(false); // sized and placed here, not by the group it is in
                bar.getStyleClass().add(Styles.FLOW_BAR);
                Tooltip tip = new Tooltip();
                Tooltip.install(bar, tip);
                bar.setUserData(tip);
                bars.getChildren().add(bar);
                Text label = new Text(Integer.toString(l + 1));
                label.getStyleClass().add(Styles.FLOW_AXIS_LABEL);
                label.setTextOrigin(VPos.TOP);
                layerLabels.getChildren().add(label);
            }
        }
        values = layerValues.clone();
        if (!axis.equals(scale) || ticks.getChildren().isEmpty()) {
            scale = axis;
            rebuildTicks();
        }
        for (int l = 0; l < values.length; l++) {
            Region bar = (Region) bars.getChildren().get(l);
            boolean bad = !Double.isFinite(values[l]);
            if (bad != bar.getStyleClass().contains(Styles.BAD)) {
                if (bad) {
                    bar.getStyleClass().add(Styles.BAD);
                } else {
                    bar.getStyleClass().remove(Styles.BAD);
                }
            }
            ((Tooltip) bar.getUserData()).setText(String.format(Locale.ROOT, tooltipFormat, l + 1, number(values[l])));
        }
        requestLayout();
    }

    /** A guide line across at this value, labelled on the axis; NaN for none. */
    public void setGuide(double value, String label) {
        guide = value;
        guideText.setText(label);
        requestLayout();
    }

    /** The text shown when every value is zero (as update ratios are before the first step); "" for none. */
    public void setEmptyText(String text) {
        emptyText.setText(text);
        requestLayout();
    }

    /** The tooltip of a bar: a format with the layer number (%d) and the value (%s). */
    public void setTooltipFormat(String format) {
        tooltipFormat = format;
    }

    /** The values shown, layers 1…n. */
    public double[] values() {
        return values.clone();
    }

    /** The bars' heights as drawn, layers 1…n (for tests). */
    public double[] barHeights() {
        return bars.getChildren().stream().mapToDouble(n -> ((Region) n).getHeight()).toArray();
    }

    /** A number as the tooltips and labels show it: 3 significant digits in scientific notation. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    private void rebuildTicks() {
        grid.getChildren().clear();
        ticks.getChildren().clear();
        for (int e : scale.ticks(7)) {
            Line line = new Line();
            line.getStyleClass().add(Styles.FLOW_GRID);
            line.setUserData(e);
            grid.getChildren().add(line);
            Text t = new Text(LogScale.label(e));
            t.getStyleClass().add(Styles.FLOW_AXIS_LABEL);
            t.setTextOrigin(VPos.CENTER);
            t.setUserData(e);
            ticks.getChildren().add(t);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = snappedLeftInset() + LEFT;
        double y0 = snappedTopInset() + TOP;
        double pw = Math.max(10, w - LEFT - RIGHT);
        double ph = Math.max(10, h - TOP - BOTTOM);
        double bottom = y0 + ph;
        for (int i = 0; i < grid.getChildren().size(); i++) {
            int e = (Integer) grid.getChildren().get(i).getUserData();
            double y = snap(bottom - scale.exponentFraction(e) * ph);
            Line line = (Line) grid.getChildren().get(i);
            line.setStartX(x0);
            line.setEndX(x0 + pw);
            line.setStartY(y);
            line.setEndY(y);
            Text t = (Text) ticks.getChildren().get(i);
            t.setX(x0 - 6 - t.getLayoutBounds().getWidth());
            t.setY(y);
        }
        int n = values.length;
        double slot = n == 0 ? pw : pw / n;
        plotLeft = x0;
        slotWidth = slot;
        double barWidth = Math.max(2, Math.min(48, slot * 0.7));
        int every = slot < 18 ? 2 : 1;
        boolean allZero = n > 0;
        for (int l = 0; l < n; l++) {
            double v = values[l];
            allZero &= v == 0;
            double f = scale.fraction(v);
            double barHeight = v == 0 ? 0 : Math.max(1, f * ph);
            Region bar = (Region) bars.getChildren().get(l);
            double x = x0 + slot * l + (slot - barWidth) / 2;
            bar.resizeRelocate(snapPositionX(x), snapPositionY(bottom - barHeight), snapSizeX(barWidth),
                    snapSizeY(barHeight));
            Text label = (Text) layerLabels.getChildren().get(l);
            label.setVisible((l + 1) % every == 0 || l == 0 || l == n - 1);
            label.setX(x0 + slot * l + slot / 2 - label.getLayoutBounds().getWidth() / 2);
            label.setY(bottom + 4);
        }
        boolean showGuide = !Double.isNaN(guide);
        guideLine.setVisible(showGuide);
        guideText.setVisible(showGuide);
        if (showGuide) {
            double y = snap(bottom - scale.fraction(guide) * ph);
            guideLine.setStartX(x0);
            guideLine.setEndX(x0 + pw);
            guideLine.setStartY(y);
            guideLine.setEndY(y);
            guideText.setX(x0 - 6 - guideText.getLayoutBounds().getWidth()); // in the margin, with the axis labels
            guideText.setY(y);
            for (var tick : ticks.getChildren()) { // a decade label it would cover makes way
                tick.setVisible(Math.abs(((Text) tick).getY() - y) > 12);
            }
        }
        emptyText.setVisible(allZero && !emptyText.getText().isEmpty());
        emptyText.setX(x0 + pw / 2 - emptyText.getLayoutBounds().getWidth() / 2);
        emptyText.setY(y0 + ph / 2);
    }

    private static double snap(double y) {
        return Math.floor(y) + 0.5; // crisp one-pixel lines
    }

    /** The grid lines' exponents, bottom to top (for tests). */
    List<Integer> tickExponents() {
        List<Integer> out = new ArrayList<>();
        grid.getChildren().forEach(n -> out.add((Integer) n.getUserData()));
        return out;
    }
}
