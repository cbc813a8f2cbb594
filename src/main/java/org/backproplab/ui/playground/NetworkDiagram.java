package org.backproplab.ui.playground;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.StrokeLineCap;

import org.backproplab.labs.Playground;
import org.backproplab.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The network as the browser playground draws it: a column per layer — the input features, each hidden layer, the
 * output — each neuron a small picture of what it outputs over the plane, and the links between them as curves
 * coloured by the weight's sign (blue positive, orange negative) and as thick as the weight is large. Click a link
 * for its weight, a neuron for its bias; above each hidden layer, buttons add and remove neurons. The shape follows
 * the frames shown, so a frame of a network that has just been replaced never lands on the wrong neurons.
 */
public final class NetworkDiagram extends Pane {

    /** What clicks on the diagram ask for. */
    public interface Actions {
        void select(ParamRef ref);

        void addNeuron(int layer);

        void removeNeuron(int layer);
    }

    static final double NODE = 40;
    static final double GAP = 10;
    static final double HEADER = 58;
    static final double LABELS = 44;
    static final double RIGHT = 8;
    /** A weight this large or larger gets the widest link. */
    static final double WIDE_WEIGHT = 3;

    private final Group links = new Group();
    private final CubicCurve halo = new CubicCurve();
    private final Group hits = new Group();
    private final Group heads = new Group();
    private final Group nodes = new Group();
    private final Map<ParamRef, CubicCurve[]> linkCurves = new LinkedHashMap<>();
    private final List<List<StackPane>> columns = new ArrayList<>();
    private final List<List<WritableImage>> pictures = new ArrayList<>();
    private final List<Label> featureLabels = new ArrayList<>();
    private final List<VBox> headers = new ArrayList<>();
    /** Per column, its title: for a hidden layer, the long and the short form (narrow columns take the short). */
    private final List<String[]> titles = new ArrayList<>();
    private List<Playground.Feature> features = List.of();
    private int[] sizes = new int[0];
    private ParamRef selected;
    private ResourceBundle messages;
    private Actions actions;

    public NetworkDiagram() {
        getStyleClass().add(Styles.PLAYGROUND_DIAGRAM);
        halo.getStyleClass().add(Styles.PLAYGROUND_LINK_HALO);
        halo.setFill(null);
        halo.setVisible(false);
        halo.setMouseTransparent(true);
        links.setMouseTransparent(true);
        getChildren().addAll(halo, links, hits, nodes, heads);
        setFocusTraversable(true);
        setMinSize(300, 260);
    }

    public void setActions(Actions actions, ResourceBundle messages) {
        this.actions = actions;
        this.messages = messages;
    }

    /** The layer sizes drawn now (features first, the output last). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Shows a frame: the pictures and the links' weights, rebuilding the columns when the network's shape changed. */
    public void show(PlaygroundRun.Frame frame) {
        NetworkSnapshot net = frame.network();
        if (!Arrays.equals(net.sizes(), sizes) || !net.features().equals(features)) {
            build(net.features(), net.sizes());
        }
        int side = PlaygroundRun.THUMBNAIL;
        for (int c = 0; c < pictures.size(); c++) {
            for (int n = 0; n < pictures.get(c).size(); n++) {
                pictures.get(c).get(n).getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(),
                        frame.pictures()[c][n], 0, side);
            }
        }
        for (Map.Entry<ParamRef, CubicCurve[]> e : linkCurves.entrySet()) {
            double w = net.value(e.getKey());
            int rgb = w >= 0 ? HeatMaps.BLUE : HeatMaps.ORANGE;
            CubicCurve curve = e.getValue()[0];
            curve.setStroke(Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 0.85));
            curve.setStrokeWidth(width(w));
        }
        updateHalo();
    }

    /** A link's width for a weight: 1 px for 0, up to 6 px from {@value #WIDE_WEIGHT} on. */
    static double width(double weight) {
        return 1 + 5 * Math.min(1, Math.abs(weight) / WIDE_WEIGHT);
    }

    /** Marks the selected weight's link or bias's neuron. */
    public void setSelected(ParamRef ref) {
        selected = ref;
        for (int c = 1; c < columns.size(); c++) {
            for (int n = 0; n < columns.get(c).size(); n++) {
                boolean on = ref != null && ref.isBias() && ref.layer() == c - 1 && ref.to() == n;
                StackPane node = columns.get(c).get(n);
                node.getStyleClass().remove(Styles.SELECTED);
                if (on) {
                    node.getStyleClass().add(Styles.SELECTED);
                }
            }
        }
        updateHalo();
    }

    private void updateHalo() {
        CubicCurve[] link = selected == null || selected.isBias() ? null : linkCurves.get(selected);
        halo.setVisible(link != null);
        if (link != null) {
            copy(link[0], halo);
            halo.setStrokeWidth(link[0].getStrokeWidth() + 7);
        }
    }

    private void build(List<Playground.Feature> f, int[] s) {
        features = f;
        sizes = s.clone();
        links.getChildren().clear();
        hits.getChildren().clear();
        nodes.getChildren().clear();
        heads.getChildren().clear();
        linkCurves.clear();
        columns.clear();
        pictures.clear();
        featureLabels.clear();
        headers.clear();
        titles.clear();
        for (int c = 0; c < sizes.length; c++) {
            List<StackPane> column = new ArrayList<>();
            List<WritableImage> images = new ArrayList<>();
            for (int n = 0; n < sizes[c]; n++) {
                WritableImage image = new WritableImage(PlaygroundRun.THUMBNAIL, PlaygroundRun.THUMBNAIL);
                ImageView view = new ImageView(image);
                view.setFitWidth(NODE - 4);
                view.setFitHeight(NODE - 4);
                view.setSmooth(true);
                StackPane node = new StackPane(view);
                node.setId("pgNeuron-" + c + "-" + n);
                node.getStyleClass().add(Styles.PLAYGROUND_NEURON);
                node.setPrefSize(NODE, NODE);
                node.resize(NODE, NODE);
                String tip = c == 0 ? MessageFormat.format(text("playground.diagram.feature.tip"), f.get(n).symbol())
                        : c == sizes.length - 1 ? text("playground.diagram.output.tip")
                        : MessageFormat.format(text("playground.diagram.neuron.tip"), c, n + 1,
                                ParamRef.bias(c - 1, n).label());
                Tooltip.install(node, new Tooltip(tip));
                node.setAccessibleText(tip);
                if (c > 0) {
                    ParamRef bias = ParamRef.bias(c - 1, n);
                    node.setCursor(Cursor.HAND);
                    node.setOnMouseClicked(e -> select(bias));
                } else {
                    node.getStyleClass().add(Styles.PLAYGROUND_FEATURE);
                    Label label = new Label(f.get(n).symbol());
                    label.getStyleClass().addAll(Styles.PLAYGROUND_FEATURE_LABEL, Styles.DATA);
                    featureLabels.add(label);
                    nodes.getChildren().add(label);
                }
                column.add(node);
                images.add(image);
                nodes.getChildren().add(node);
            }
            columns.add(column);
            pictures.add(images);
            heads.getChildren().add(header(c));
        }
        for (int l = 0; l + 1 < sizes.length; l++) {
            for (int to = 0; to < sizes[l + 1]; to++) {
                for (int from = 0; from < sizes[l]; from++) {
                    ParamRef ref = ParamRef.weight(l, from, to);
                    CubicCurve curve = curve();
                    CubicCurve hit = curve();
                    hit.setId("pgLink-" + l + "-" + from + "-" + to);
                    hit.setStroke(Color.TRANSPARENT);
                    hit.setStrokeWidth(9);
                    hit.setCursor(Cursor.HAND);
                    hit.setOnMouseClicked(e -> select(ref));
                    Tooltip.install(hit, new Tooltip(MessageFormat.format(text("playground.diagram.link.tip"),
                            ref.label())));
                    links.getChildren().add(curve);
                    hits.getChildren().add(hit);
                    linkCurves.put(ref, new CubicCurve[] {curve, hit});
                }
            }
        }
        setSelected(selected != null && selected.fits(sizes) ? selected : null);
        requestLayout();
    }

    private void select(ParamRef ref) {
        requestFocus();
        if (actions != null) {
            actions.select(ref);
        }
    }

    private static CubicCurve curve() {
        CubicCurve c = new CubicCurve();
        c.setFill(null);
        c.setStrokeLineCap(StrokeLineCap.ROUND);
        return c;
    }

    private VBox header(int column) {
        String name = column == 0 ? text("playground.diagram.features")
                : column == sizes.length - 1 ? text("playground.diagram.output")
                : MessageFormat.format(text("playground.diagram.hidden"), column);
        String shortName = column == 0 || column == sizes.length - 1 ? name
                : MessageFormat.format(text("playground.diagram.hidden.short"), column);
        titles.add(new String[] {name, shortName});
        Label title = new Label(name);
        title.setTooltip(new Tooltip(name));
        title.getStyleClass().add(Styles.PLAYGROUND_COLUMN_TITLE);
        VBox box = new VBox(title);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add(Styles.PLAYGROUND_COLUMN_HEADER);
        if (column > 0 && column < sizes.length - 1) {
            int layer = column - 1;
            Button more = iconButton("mdi2p-plus", MessageFormat.format(text("playground.neuron.add.tip"), column),
                    () -> actions.addNeuron(layer));
            Button fewer = iconButton("mdi2m-minus", MessageFormat.format(text("playground.neuron.remove.tip"), column),
                    () -> actions.removeNeuron(layer));
            more.setDisable(sizes[column] >= PlaygroundSettings.MAX_NEURONS);
            fewer.setDisable(sizes[column] <= 1);
            more.setId("pgAddNeuron" + column);
            fewer.setId("pgRemoveNeuron" + column);
            HBox buttons = new HBox(2, fewer, more);
            buttons.setAlignment(Pos.CENTER);
            Label count = new Label(MessageFormat.format(text("playground.diagram.neurons"), sizes[column]));
            count.getStyleClass().add(Styles.PLAYGROUND_COLUMN_COUNT);
            box.getChildren().addAll(buttons, count);
        }
        headers.add(box);
        return box;
    }

    private Button iconButton(String icon, String tip, Runnable action) {
        Button b = new Button();
        b.setGraphic(new FontIcon(icon));
        b.getStyleClass().add(Styles.PLAYGROUND_SMALL_BUTTON);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private String text(String key) {
        return messages == null ? key : messages.getString(key);
    }

    // ---- layout ----

    /** The x of column c's nodes' left edges. */
    private double columnX(int c) {
        double usable = getWidth() - LABELS - NODE - RIGHT;
        return sizes.length < 2 ? LABELS : LABELS + usable * c / (sizes.length - 1);
    }

    private double nodeY(int c, int n) {
        double total = sizes[c] * NODE + (sizes[c] - 1) * GAP;
        double top = HEADER + Math.max(0, (getHeight() - HEADER - total) / 2);
        return top + n * (NODE + GAP);
    }

    @Override
    protected void layoutChildren() {
        int labels = 0;
        for (int c = 0; c < columns.size(); c++) {
            double x = columnX(c);
            for (int n = 0; n < columns.get(c).size(); n++) {
                StackPane node = columns.get(c).get(n);
                node.resizeRelocate(x, nodeY(c, n), NODE, NODE);
                if (c == 0) {
                    Label label = featureLabels.get(labels++);
                    label.autosize();
                    label.relocate(x - label.getWidth() - 4, nodeY(c, n) + (NODE - label.getHeight()) / 2);
                }
            }
            VBox header = headers.get(c);
            double spacing = columns.size() < 2 ? getWidth() : columnX(1) - columnX(0);
            ((Label) header.getChildren().get(0)).setText(titles.get(c)[spacing < 84 ? 1 : 0]);
            double w = Math.min(spacing - 4, Math.max(NODE + 24, header.prefWidth(-1)));
            header.resizeRelocate(x + NODE / 2 - w / 2, 0, w, header.prefHeight(w));
        }
        for (Map.Entry<ParamRef, CubicCurve[]> e : linkCurves.entrySet()) {
            ParamRef ref = e.getKey();
            double x0 = columnX(ref.layer()) + NODE;
            double y0 = nodeY(ref.layer(), ref.from()) + NODE / 2;
            double x1 = columnX(ref.layer() + 1);
            double y1 = nodeY(ref.layer() + 1, ref.to()) + NODE / 2;
            for (CubicCurve c : e.getValue()) {
                c.setStartX(x0);
                c.setStartY(y0);
                c.setControlX1((x0 + x1) / 2);
                c.setControlY1(y0);
                c.setControlX2((x0 + x1) / 2);
                c.setControlY2(y1);
                c.setEndX(x1);
                c.setEndY(y1);
            }
        }
        updateHalo();
    }

    @Override
    protected double computePrefHeight(double width) {
        int most = Arrays.stream(sizes).max().orElse(1);
        return HEADER + most * NODE + (most - 1) * GAP + 8;
    }

    @Override
    protected double computePrefWidth(double height) {
        return LABELS + Math.max(1, sizes.length - 1) * 84 + NODE + RIGHT;
    }

    private static void copy(CubicCurve from, CubicCurve to) {
        to.setStartX(from.getStartX());
        to.setStartY(from.getStartY());
        to.setControlX1(from.getControlX1());
        to.setControlY1(from.getControlY1());
        to.setControlX2(from.getControlX2());
        to.setControlY2(from.getControlY2());
        to.setEndX(from.getEndX());
        to.setEndY(from.getEndY());
    }
}
