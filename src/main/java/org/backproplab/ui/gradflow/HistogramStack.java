package org.backproplab.ui.gradflow;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;

import org.backproplab.ui.Styles;

/**
 * The activations of every hidden layer as histograms stacked one above the other, the first layer at the bottom,
 * all on one x axis. The saturated part of each bin (where the activation's slope is gone) is drawn in the warning
 * colour, and a note at the right of each row gives its share, and for ReLU how many units are dead. Each row is
 * scaled to its largest bin of unsaturated values, so that a spike of saturated values (half a ReLU layer at 0)
 * reaches the top of its row without flattening the rest; the note says how big it is.
 */
public final class HistogramStack extends Region {

    private static final double LEFT = 46;
    private static final double RIGHT = 132;
    private static final double TOP = 4;
    private static final double BOTTOM = 18;

    private final Group rowsGroup = new Group();
    private final Group axisGroup = new Group();
    private final Text emptyText = new Text();
    private List<Histogram> histograms = List.of();
    private double[] range = {0, 1};

    public HistogramStack() {
        getStyleClass().add(Styles.HISTOGRAM_STACK);
        emptyText.getStyleClass().add(Styles.FLOW_EMPTY);
        emptyText.setTextOrigin(VPos.CENTER);
        getChildren().addAll(rowsGroup, axisGroup, emptyText);
        setMinSize(200, 120);
        setPrefSize(400, 360);
    }

    /** One histogram per hidden layer (layer 1 first), a note for each, and the shared x range. */
    public void show(List<Histogram> rows, List<String> notes, double[] xRange) {
        if (rows.size() != histograms.size()) {
            rowsGroup.getChildren().clear();
            for (int l = 0; l < rows.size(); l++) {
                Polygon all = new Polygon();
                all.getStyleClass().add(Styles.FLOW_HIST);
                Polygon saturated = new Polygon();
                saturated.getStyleClass().add(Styles.FLOW_HIST_SATURATED);
                Line base = new Line();
                base.getStyleClass().add(Styles.FLOW_HIST_BASE);
                Text layer = text(Integer.toString(l + 1));
                Text note = text("");
                note.getStyleClass().add(Styles.FLOW_HIST_NOTE);
                rowsGroup.getChildren().add(new Group(base, all, saturated, layer, note));
            }
        }
        histograms = List.copyOf(rows);
        for (int l = 0; l < rows.size(); l++) {
            ((Text) row(l).getChildren().get(4)).setText(notes.get(l));
        }
        if (range[0] != xRange[0] || range[1] != xRange[1] || axisGroup.getChildren().isEmpty()) {
            range = xRange.clone();
            axisGroup.getChildren().clear();
            for (double v : range[0] < 0 && range[1] > 0 ? new double[] {range[0], 0, range[1]} : range) {
                Text t = text(axisNumber(v));
                t.setUserData(v);
                axisGroup.getChildren().add(t);
            }
        }
        requestLayout();
    }

    /** The text shown when there are no hidden layers to show; "" for none. */
    public void setEmptyText(String text) {
        emptyText.setText(text);
    }

    /** The notes shown, layer 1 first (for tests). */
    public List<String> notes() {
        return rowsGroup.getChildren().stream().map(g -> ((Text) ((Group) g).getChildren().get(4)).getText()).toList();
    }

    private Group row(int l) {
        return (Group) rowsGroup.getChildren().get(l);
    }

    private static Text text(String s) {
        Text t = new Text(s);
        t.getStyleClass().add(Styles.FLOW_AXIS_LABEL);
        t.setTextOrigin(VPos.CENTER);
        return t;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = snappedLeftInset() + LEFT;
        double y0 = snappedTopInset() + TOP;
        double pw = Math.max(10, w - LEFT - RIGHT);
        double ph = Math.max(10, h - TOP - BOTTOM);
        int n = histograms.size();
        double rowHeight = n == 0 ? ph : ph / n;
        for (int l = 0; l < n; l++) {
            Histogram hist = histograms.get(l);
            Group g = row(l);
            double base = Math.floor(y0 + ph - l * rowHeight) - 0.5;
            double height = Math.max(2, rowHeight - 3);
            Line line = (Line) g.getChildren().get(0);
            line.setStartX(x0);
            line.setEndX(x0 + pw);
            line.setStartY(base);
            line.setEndY(base);
            int max = Math.max(1, hist.maxUnsaturated() > 0 ? hist.maxUnsaturated() : hist.maxCount());
            ((Polygon) g.getChildren().get(1)).getPoints().setAll(outline(hist.counts(), max, x0, pw, base, height));
            ((Polygon) g.getChildren().get(2)).getPoints().setAll(outline(hist.saturated(), max, x0, pw, base, height));
            Text layer = (Text) g.getChildren().get(3);
            layer.setX(x0 - 8 - layer.getLayoutBounds().getWidth());
            layer.setY(Math.round(base - rowHeight / 2));
            Text note = (Text) g.getChildren().get(4);
            note.setX(x0 + pw + 8);
            note.setY(Math.round(base - rowHeight / 2));
        }
        double axisY = y0 + ph + BOTTOM / 2 + 1;
        for (var node : axisGroup.getChildren()) {
            Text t = (Text) node;
            double v = (Double) t.getUserData();
            double x = x0 + (v - range[0]) / (range[1] - range[0]) * pw - t.getLayoutBounds().getWidth() / 2;
            t.setX(Math.round(Math.max(x0 - 6, Math.min(x0 + pw - t.getLayoutBounds().getWidth() + 6, x))));
            t.setY(Math.round(axisY));
        }
        emptyText.setVisible(n == 0 && !emptyText.getText().isEmpty());
        emptyText.setX(x0 + pw / 2 - emptyText.getLayoutBounds().getWidth() / 2);
        emptyText.setY(y0 + ph / 2);
    }

    /** An end of the x axis: 1, 0.5, −0.05 as they are; very small or large ones as 5e-9. */
    static String axisNumber(double v) {
        if (v == 0 || Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5) {
            return FlowSettings.number(v);
        }
        return String.format(java.util.Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }

    /** The outline of the bars of one row, as polygon points: along the baseline, up and over every bin. */
    private static Double[] outline(int[] counts, int max, double x0, double width, double base, double height) {
        int bins = counts.length;
        Double[] p = new Double[4 * bins + 4];
        int k = 0;
        p[k++] = x0;
        p[k++] = base;
        for (int b = 0; b < bins; b++) {
            double top = base - Math.min(1, (double) counts[b] / max) * height;
            p[k++] = x0 + width * b / bins;
            p[k++] = top;
            p[k++] = x0 + width * (b + 1) / bins;
            p[k++] = top;
        }
        p[k++] = x0 + width;
        p[k] = base;
        return p;
    }
}
