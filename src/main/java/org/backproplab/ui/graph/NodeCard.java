package org.backproplab.ui.graph;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import org.backproplab.drawing.CardSize;
import org.backproplab.drawing.GraphLayout;
import org.backproplab.drawing.Pictures;
import org.backproplab.engine.Snapshot;
import org.backproplab.stepper.StepGraph;
import org.backproplab.stepper.Texts;
import org.backproplab.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One node of the graph: its name and op, its value and its gradient ∂L/∂node. A scalar shows 4 significant digits
 * (full precision on hover); a matrix shows its shape and a heat map, with the numbers when it is at most 4×4.
 * Params, constants, ops and the output look different (CSS classes); the gradient's background shows its sign and
 * size. A value or gradient not computed yet shows "—".
 */
public final class NodeCard extends VBox {

    private static final String DASH = "—";

    private final StepGraph.Node node;
    private final ResourceBundle messages;
    private final Label value = new Label(DASH);
    private final Label gradient = new Label(DASH);
    /** "∂f/∂x" beside the gradient; forward mode makes it "∂x/∂input", the tangent's. */
    private Label derivativeKey;
    private final HBox gradientRow;
    private final GridPane valueGrid;
    private final GridPane gradientGrid;
    private final Canvas valueMap;
    private final Canvas gradientMap;
    private final Label valueCaption;

    public NodeCard(StepGraph.Node node, String outputName, ResourceBundle messages) {
        this.node = node;
        this.messages = messages;
        getStyleClass().addAll(Styles.NODE_CARD, switch (node.role()) {
            case PARAM -> Styles.PARAM;
            case CONSTANT -> Styles.CONSTANT;
            case OPERATION -> Styles.OPERATION;
        });
        if (node.output()) {
            getStyleClass().add(Styles.OUTPUT);
        }
        setId("card-" + node.name());
        GraphLayout.Size size = CardSize.of(node);
        setMinSize(size.width(), size.height());
        setPrefSize(size.width(), size.height());
        setMaxSize(size.width(), size.height());

        Label name = new Label(node.name());
        name.getStyleClass().add(Styles.CARD_NAME);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label op = new Label(opText());
        op.getStyleClass().add(Styles.CARD_OP);
        op.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, name, spacer);
        // An unnamed op node is already called by its op (mul₁): the chip would only repeat it.
        if (node.isLeaf() || !node.name().startsWith(node.op())) {
            header.getChildren().add(op);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        if (node.role() == StepGraph.Role.PARAM) {
            FontIcon icon = new FontIcon("mdi2t-tune-vertical");
            icon.getStyleClass().add("card-icon");
            header.getChildren().add(0, icon);
        }
        Tooltip.install(header, tooltip(node.formula()));
        getChildren().add(header);

        String gradKey = Texts.partial(outputName, node.name());
        value.getStyleClass().addAll(Styles.CARD_NUMBER, Styles.CARD_VALUE);
        gradient.getStyleClass().addAll(Styles.CARD_NUMBER, Styles.CARD_GRADIENT);
        if (node.isScalar()) {
            getChildren().add(row(key(messages.getString("card.value")), value));
            gradientRow = row(derivativeKey = key(gradKey), gradient);
            getChildren().add(gradientRow);
            valueGrid = gradientGrid = null;
            valueMap = gradientMap = null;
            valueCaption = null;
        } else if (CardSize.showsNumbers(node.rows(), node.cols())) {
            valueCaption = key(MessageFormat.format(messages.getString("card.matrix"),
                    Texts.shape(node.rows(), node.cols())));
            valueGrid = grid();
            gradientGrid = grid();
            getChildren().addAll(valueCaption, valueGrid, derivativeKey = key(gradKey), gradientGrid);
            gradientRow = null;
            valueMap = gradientMap = null;
        } else if (CardSize.pictures(node.rows(), node.cols()) > 0) {
            // Digits and what units look for: one 28×28 picture per image row, or per unit's column of weights.
            valueCaption = key(MessageFormat.format(messages.getString("card.matrix"),
                    Texts.shape(node.rows(), node.cols())));
            double width = CardSize.pictures(node.rows(), node.cols()) * (CardSize.PICTURE + CardSize.PICTURE_GAP);
            valueMap = new Canvas(width, CardSize.PICTURE);
            gradientMap = new Canvas(width, CardSize.PICTURE);
            getChildren().addAll(valueCaption, valueMap, derivativeKey = key(gradKey), gradientMap);
            valueGrid = gradientGrid = null;
            gradientRow = null;
        } else {
            valueCaption = key(MessageFormat.format(messages.getString("card.matrix"),
                    Texts.shape(node.rows(), node.cols())));
            valueMap = new Canvas(CardSize.HEAT_MAP, CardSize.HEAT_MAP);
            gradientMap = new Canvas(CardSize.HEAT_MAP, CardSize.HEAT_MAP);
            VBox left = new VBox(2, valueCaption, valueMap);
            VBox right = new VBox(2, derivativeKey = key(gradKey), gradientMap);
            getChildren().add(new HBox(CardSize.PADDING, left, right));
            valueGrid = gradientGrid = null;
            gradientRow = null;
        }
    }

    public StepGraph.Node node() {
        return node;
    }

    private String opText() {
        return switch (node.role()) {
            case PARAM -> messages.getString("card.param");
            case CONSTANT -> messages.getString("card.constant");
            case OPERATION -> node.op();
        };
    }

    /** Shows a step: the node's value and gradient (null: not computed yet) and whether it is active or selected. */
    public void update(Snapshot v, Snapshot g, boolean active, boolean changed, boolean selected) {
        setState(Styles.ACTIVE, active);
        setState(Styles.CHANGED, changed);
        setState(Styles.SELECTED, selected);
        if (node.isScalar()) {
            scalar(value, v);
            scalar(gradient, g);
            gradientRow.setBackground(g == null ? null : new Background(new BackgroundFill(
                    Palette.gradientTint(g.item()), new javafx.scene.layout.CornerRadii(4), null)));
            // The tint is light in every theme: its key takes a dark colour on it (see app.css, .on-tint).
            gradientRow.getStyleClass().remove(Styles.ON_TINT);
            if (g != null) {
                gradientRow.getStyleClass().add(Styles.ON_TINT);
            }
        } else if (valueGrid != null) {
            fill(valueGrid, v, false);
            fill(gradientGrid, g, true);
        } else if (CardSize.pictures(node.rows(), node.cols()) > 0) {
            pictures(valueMap, v);
            pictures(gradientMap, g);
        } else {
            paint(valueMap, v, false);
            paint(gradientMap, g, true);
        }
    }

    private void setState(String styleClass, boolean on) {
        if (on && !getStyleClass().contains(styleClass)) {
            getStyleClass().add(styleClass);
        } else if (!on) {
            getStyleClass().remove(styleClass);
        }
    }

    private static void scalar(Label label, Snapshot s) {
        if (s == null) {
            label.setText(DASH);
            label.setTooltip(null);
            pending(label, true);
            return;
        }
        double v = s.item();
        label.setText(Texts.number(v));
        label.setTooltip(tooltip(Double.toString(v)));
        pending(label, false);
    }

    private static void pending(Label label, boolean pending) {
        if (pending && !label.getStyleClass().contains(Styles.PENDING)) {
            label.getStyleClass().add(Styles.PENDING);
        } else if (!pending) {
            label.getStyleClass().remove(Styles.PENDING);
        }
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        for (int r = 0; r < node.rows(); r++) {
            for (int c = 0; c < node.cols(); c++) {
                Label cell = new Label(DASH);
                cell.getStyleClass().add(Styles.GRID_CELL);
                cell.setAlignment(Pos.CENTER_RIGHT);
                cell.setPrefSize(CardSize.CELL_WIDTH - 2, CardSize.CELL_HEIGHT - 2);
                cell.setMinSize(CardSize.CELL_WIDTH - 2, CardSize.CELL_HEIGHT - 2);
                cell.setMaxSize(CardSize.CELL_WIDTH - 2, CardSize.CELL_HEIGHT - 2);
                grid.add(cell, c, r);
            }
        }
        return grid;
    }

    private void fill(GridPane grid, Snapshot s, boolean gradient) {
        double max = s == null ? 0 : Texts.maxAbs(s);
        for (javafx.scene.Node child : grid.getChildren()) {
            Label cell = (Label) child;
            int r = GridPane.getRowIndex(cell);
            int c = GridPane.getColumnIndex(cell);
            if (s == null) {
                cell.setText(DASH);
                cell.setBackground(null);
                cell.setTooltip(null);
                cell.setTextFill(Color.web("#8a94a3"));
                continue;
            }
            double v = s.get(r, c);
            Color bg = gradient ? Palette.gradientTint(v) : Palette.heat(v, max);
            cell.setText(Texts.number(v));
            cell.setTooltip(tooltip(Double.toString(v)));
            cell.setBackground(new Background(new BackgroundFill(bg, new javafx.scene.layout.CornerRadii(3), null)));
            cell.setTextFill(Palette.textOn(bg));
        }
    }

    /**
     * A heat map of a big matrix, square cells keeping its shape: one cell per element, or per group of elements when
     * there are many. Values are coloured relative to the largest; gradients on the same absolute scale as everywhere.
     */
    private static void paint(Canvas canvas, Snapshot s, boolean gradient) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        if (s == null) {
            gc.setFill(Color.web("#e6e9ee"));
            gc.fillRect(0, 0, w, h);
            return;
        }
        int rows = Math.min(s.rows(), 64);
        int cols = Math.min(s.cols(), 64);
        double cell = Math.min(w / cols, h / rows);
        double max = Texts.maxAbs(s);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = s.get(r * s.rows() / rows, c * s.cols() / cols);
                gc.setFill(gradient ? Palette.gradientTint(v) : Palette.heat(v, max));
                gc.fillRect(c * cell, r * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
        Tooltip.install(canvas, tooltip(Texts.shape(s.rows(), s.cols()) + "  max |x| = " + Texts.number(max)));
    }

    /**
     * A matrix of 784-pixel rows (or columns) as 28×28 pictures side by side. Values and gradients are both coloured
     * relative to the matrix's largest |x|: a gradient of W1 is thousandths, which the absolute scale would leave
     * white, and the picture is about where it is large, not how large.
     */
    private static void pictures(Canvas canvas, Snapshot s) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int count = CardSize.pictures(s == null ? 0 : s.rows(), s == null ? 0 : s.cols());
        if (s == null || count == 0) {
            gc.setFill(Color.web("#e6e9ee"));
            gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        double cell = CardSize.PICTURE / Pictures.SIDE;
        for (int k = 0; k < count; k++) {
            double left = k * (CardSize.PICTURE + CardSize.PICTURE_GAP);
            int[] rgb = Pictures.colours(s, k);
            for (int p = 0; p < rgb.length; p++) {
                gc.setFill(Palette.color(rgb[p]));
                gc.fillRect(left + (p % Pictures.SIDE) * cell, (p / Pictures.SIDE) * cell, Math.ceil(cell),
                        Math.ceil(cell));
            }
        }
        Tooltip.install(canvas, tooltip(Texts.shape(s.rows(), s.cols()) + "  max |x| = "
                + Texts.number(Texts.maxAbs(s))));
    }

    private static HBox row(Label key, Label number) {
        number.setMinWidth(Region.USE_PREF_SIZE); // the number wins; the key may shorten to "∂L/…"
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(4, key, spacer, number);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.CARD_ROW);
        return row;
    }

    /** The key of the second number: ∂output/∂node in backprop, ∂node/∂input in forward mode. */
    void setDerivativeKey(String text) {
        if (derivativeKey != null) {
            derivativeKey.setText(text);
        }
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.CARD_KEY);
        return l;
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(250));
        return t;
    }
}
