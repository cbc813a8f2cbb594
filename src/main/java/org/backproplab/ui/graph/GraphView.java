package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.IntConsumer;

import javafx.scene.Group;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;

import org.backproplab.drawing.GraphLayout;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.StepGraph;
import org.backproplab.stepper.Texts;
import org.backproplab.ui.Png;
import org.backproplab.ui.Styles;

/**
 * Draws a stepper graph as laid out by {@link GraphLayout}: a {@link NodeCard} per node and an arrow per edge,
 * whose width shows how much gradient flowed back along it. Pans by dragging the background, zooms with the wheel
 * (around the pointer), {@link #zoomIn()}, {@link #zoomOut()} and {@link #fit()}; from the keyboard when focused (see
 * {@link #key}). Clicking a card reports its node.
 */
public final class GraphView extends Region {

    private static final double MIN_SCALE = 0.2;
    /** Fitting never shrinks the cards below this, so they stay readable; the view follows the active node. */
    private static final double MIN_FIT_SCALE = 0.65;
    private static final double MAX_SCALE = 3;
    private static final double ZOOM_STEP = 1.2;
    /** How far an arrow key pans. */
    private static final double PAN_STEP = 40;

    private final Group content = new Group();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private double presentationZoom = 1;
    private final Pane edgeLayer = new Pane();
    private final Pane cardLayer = new Pane();
    private final List<NodeCard> cards = new ArrayList<>();
    private final List<Polyline> edges = new ArrayList<>();
    private final List<Polygon> arrows = new ArrayList<>();
    private StepGraph graph;
    private GraphLayout.Result layout;
    private IntConsumer onNodeClicked = i -> { };
    private double dragX;
    private double dragY;
    private boolean fitPending;
    /** Set once the user pans or zooms: from then on a resize keeps their view instead of fitting again. */
    private boolean userMoved;

    public GraphView() {
        getStyleClass().add(Styles.GRAPH_VIEW);
        edgeLayer.setPickOnBounds(false);
        cardLayer.setPickOnBounds(false);
        content.getChildren().addAll(edgeLayer, cardLayer);
        content.getTransforms().add(zoom);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX() - content.getTranslateX();
            dragY = e.getY() - content.getTranslateY();
            requestFocus();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                userMoved = true;
                content.setTranslateX(e.getX() - dragX);
                content.setTranslateY(e.getY() - dragY);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoom(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
                e.consume();
            }
        });
    }

    /**
     * The keyboard's way to move around the graph once it has the focus: ↑ ↓ and Shift+← → pan (← and → alone step
     * in the step-through view), + and − zoom about the centre, 0 fits the graph to the view.
     */
    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        boolean sideways = e.isShiftDown() || !(e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT);
        switch (e.getCode()) {
            case UP -> pan(0, PAN_STEP);
            case DOWN -> pan(0, -PAN_STEP);
            case LEFT -> pan(sideways ? PAN_STEP : 0, 0);
            case RIGHT -> pan(sideways ? -PAN_STEP : 0, 0);
            case PLUS, EQUALS, ADD -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0 -> fit();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Moves the graph by (dx, dy) on screen. */
    public void pan(double dx, double dy) {
        userMoved = true;
        content.setTranslateX(content.getTranslateX() + dx);
        content.setTranslateY(content.getTranslateY() + dy);
    }

    /** The graph's offset in the view, for tests. */
    public double panX() {
        return content.getTranslateX();
    }

    public double panY() {
        return content.getTranslateY();
    }

    /** The input forward mode differentiates by, or null in backprop. */
    private String tangentOf;

    /** What happens when a card is clicked: the node's index is passed on. */
    public void setOnNodeClicked(IntConsumer handler) {
        this.onNodeClicked = handler;
    }

    /** Draws a new graph (and fits it into view once the view has a size). */
    public void show(StepGraph graph, GraphLayout.Result layout, ResourceBundle messages) {
        this.graph = graph;
        this.layout = layout;
        cards.clear();
        edges.clear();
        arrows.clear();
        edgeLayer.getChildren().clear();
        cardLayer.getChildren().clear();
        String outputName = graph.node(graph.output()).name();
        for (StepGraph.Node n : graph.nodes()) {
            NodeCard card = new NodeCard(n, outputName, messages);
            GraphLayout.Point p = layout.positions().get(n.index());
            card.relocate(p.x(), p.y());
            card.setOnMouseClicked(e -> {
                onNodeClicked.accept(n.index());
                e.consume();
            });
            cards.add(card);
            cardLayer.getChildren().add(card);
        }
        for (StepGraph.Edge e : graph.edges()) {
            List<GraphLayout.Point> route = layout.routes().get(e.index());
            Polyline line = new Polyline();
            for (GraphLayout.Point p : route) {
                line.getPoints().addAll(p.x(), p.y());
            }
            line.getStyleClass().add(Styles.EDGE);
            line.setStrokeLineJoin(StrokeLineJoin.ROUND);
            GraphLayout.Point end = route.get(route.size() - 1);
            Polygon arrow = new Polygon(end.x(), end.y(), end.x() - 9, end.y() - 5, end.x() - 9, end.y() + 5);
            arrow.getStyleClass().add(Styles.ARROW);
            edges.add(line);
            arrows.add(arrow);
            edgeLayer.getChildren().addAll(line, arrow);
        }
        edgeLayer.setPrefSize(layout.width(), layout.height());
        relabel();
        fitPending = true;
        userMoved = false;
        requestLayout();
    }

    /**
     * Forward mode's pass carries the tangent of {@code input}: each card's second number is then ∂node/∂input
     * (null: backprop's ∂output/∂node).
     */
    public void setTangentOf(String input) {
        tangentOf = input;
        relabel();
    }

    private void relabel() {
        if (graph == null) {
            return;
        }
        String output = graph.node(graph.output()).name();
        for (NodeCard card : cards) {
            String name = card.node().name();
            card.setDerivativeKey(tangentOf == null ? Texts.partial(output, name) : Texts.partial(name, tangentOf));
        }
    }

    /** Shows one step: every card's numbers and state, every edge's width and highlight. */
    public void update(Frame frame, int selected) {
        if (graph == null) {
            return;
        }
        for (NodeCard card : cards) {
            int i = card.node().index();
            card.update(frame.value(i), frame.gradient(i), i == frame.activeNode(), frame.changed().contains(i),
                    i == selected);
        }
        for (int k = 0; k < edges.size(); k++) {
            Polyline line = edges.get(k);
            double flow = frame.edgeFlow(k);
            line.setStrokeWidth(Palette.edgeWidth(flow));
            toggle(line, Styles.EDGE_FLOW, !Double.isNaN(flow));
            boolean active = frame.activeEdges().contains(k);
            toggle(line, Styles.EDGE_ACTIVE, active);
            toggle(arrows.get(k), Styles.EDGE_ACTIVE, active);
            if (active) {
                line.toFront();
                arrows.get(k).toFront();
            }
        }
        // Bring the nodes this step is about into view: first the active one, then those it changed (which win
        // when not both fit, as they hold the step's result).
        if (frame.activeNode() >= 0) {
            reveal(frame.activeNode());
        }
        frame.changed().forEach(this::reveal);
    }

    /** Pans just enough to bring a node's card fully into view (the graph may be larger than the view). */
    public void reveal(int node) {
        if (layout == null || getWidth() <= 0) {
            return;
        }
        double s = zoom.getX();
        GraphLayout.Point p = layout.positions().get(node);
        NodeCard card = cards.get(node);
        double margin = 16;
        double left = content.getTranslateX() + p.x() * s;
        double right = left + card.getPrefWidth() * s;
        double top = content.getTranslateY() + p.y() * s;
        double bottom = top + card.getPrefHeight() * s;
        if (left < margin) {
            content.setTranslateX(content.getTranslateX() + margin - left);
        } else if (right > getWidth() - margin) {
            content.setTranslateX(content.getTranslateX() - (right - getWidth() + margin));
        }
        if (top < margin) {
            content.setTranslateY(content.getTranslateY() + margin - top);
        } else if (bottom > getHeight() - margin) {
            content.setTranslateY(content.getTranslateY() - (bottom - getHeight() + margin));
        }
    }

    private static void toggle(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** True when this view draws {@code g}. */
    public boolean shows(StepGraph g) {
        return graph == g;
    }

    /** The card of a node, for tests and the inspector. */
    public NodeCard card(int node) {
        return cards.get(node);
    }

    public double scale() {
        return zoom.getX();
    }

    /**
     * The whole graph as drawn, not just the part in view, at {@code scale} times its layout size (at most
     * {@link Png#MAX_SIDE} a side): for File ▸ Export ▸ Graph as PNG. The view's own zoom and pan are put aside for
     * the snapshot and restored at once, within one pulse, so the screen never shows the difference.
     */
    public WritableImage snapshotWhole(double scale) {
        double s = zoom.getX();
        double x = content.getTranslateX();
        double y = content.getTranslateY();
        setScale(1);
        content.setTranslateX(0);
        content.setTranslateY(0);
        try {
            return Png.snapshot(content, scale);
        } finally {
            setScale(s);
            content.setTranslateX(x);
            content.setTranslateY(y);
        }
    }

    /**
     * The presentation zoom (View ▸ Zoom, 1 to 2.5): opening and fitting a graph scale it this much more, so the cards
     * grow with the window's fonts; the wheel and the zoom buttons still zoom from there. Fits again.
     */
    public void setPresentationZoom(double zoom) {
        if (zoom != presentationZoom) {
            presentationZoom = zoom;
            fit(MIN_FIT_SCALE);
        }
    }

    public void zoomIn() {
        zoom(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoom(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Scales the whole graph to fit the view (never above 1.25×) and centres it: the Fit button. */
    public void fit() {
        fit(MIN_SCALE);
    }

    /**
     * Fits the graph, but not below {@code minScale}: when a lesson is opened or the view resized the cards stay
     * readable (a big graph then shows its left part, and {@link #update} follows the active node).
     */
    private void fit(double minScale) {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        double s = Math.min(1.25 * presentationZoom, Math.min(getWidth() / layout.width(), getHeight() / layout.height()));
        s = Math.min(MAX_SCALE, Math.max(minScale * presentationZoom, s));
        setScale(s);
        // Centred when it fits; else from the left (the leaves, where stepping starts) and the top.
        content.setTranslateX(Math.max(0, (getWidth() - layout.width() * s) / 2));
        content.setTranslateY(Math.max(0, (getHeight() - layout.height() * s) / 2));
        fitPending = false;
        userMoved = false;
    }

    private void zoom(double factor, double px, double py) {
        userMoved = true;
        double old = zoom.getX();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, old * factor));
        // Keep the point under the pointer where it is.
        double cx = (px - content.getTranslateX()) / old;
        double cy = (py - content.getTranslateY()) / old;
        setScale(next);
        content.setTranslateX(px - cx * next);
        content.setTranslateY(py - cy * next);
    }

    /** Scales about the content's top-left corner, so that a point p is drawn at translate + scale·p. */
    private void setScale(double s) {
        zoom.setX(s);
        zoom.setY(s);
    }

    @Override
    protected void layoutChildren() {
        content.autosize();
        boolean resized = getWidth() != fittedWidth || getHeight() != fittedHeight;
        if ((fitPending || resized && !userMoved) && getWidth() > 0 && getHeight() > 0) {
            fittedWidth = getWidth();
            fittedHeight = getHeight();
            fit(MIN_FIT_SCALE);
        }
    }

    private double fittedWidth;
    private double fittedHeight;
}
