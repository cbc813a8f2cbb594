package org.backproplab.ui.mnist;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The first layer's weights, one 28×28 picture per hidden unit: the weight from each pixel to the unit, on the
 * diverging map (red excites, blue inhibits), each picture scaled to its own largest weight. Eight pictures a row,
 * as large as the width allows (pixels stay sharp squares).
 */
public final class WeightsGrid extends TilePane {

    static final int COLUMNS = 8;
    static final double MIN_SIDE = 48;
    static final double MAX_SIDE = 112;

    public WeightsGrid() {
        getStyleClass().add("weights-grid");
        setPrefColumns(COLUMNS);
        setMinWidth(COLUMNS * MIN_SIDE);
        widthProperty().addListener(o -> resize());
        hgapProperty().addListener(o -> resize());
    }

    public void show(List<float[]> units, ResourceBundle messages) {
        while (getChildren().size() > units.size()) {
            getChildren().remove(getChildren().size() - 1);
        }
        while (getChildren().size() < units.size()) {
            ImageView image = new ImageView();
            image.setSmooth(false);
            Label name = new Label();
            name.getStyleClass().add("weights-unit");
            VBox box = new VBox(image, name);
            box.getStyleClass().add("weights-cell");
            Tooltip tooltip = new Tooltip();
            box.getProperties().put(Tooltip.class, tooltip);
            Tooltip.install(box, tooltip);
            getChildren().add(box);
        }
        for (int u = 0; u < units.size(); u++) {
            VBox box = (VBox) getChildren().get(u);
            float[] w = units.get(u);
            ((ImageView) box.getChildren().get(0)).setImage(PixelImages.image(ColorMap.heatImage(w), 28, 1));
            ((Label) box.getChildren().get(1)).setText(MessageFormat.format(messages.getString("mnist.weights.unit"),
                    u + 1));
            String tip = MessageFormat.format(messages.getString("mnist.weights.tip"), u + 1,
                    String.format(Locale.ROOT, "%.3f", ColorMap.maxAbs(w)));
            box.setAccessibleText(tip);
            ((Tooltip) box.getProperties().get(Tooltip.class)).setText(tip);
        }
        resize();
    }

    /** Sizes the pictures so that eight fill a row. */
    private void resize() {
        double width = getWidth() - getInsets().getLeft() - getInsets().getRight();
        double side = width <= 0 ? MIN_SIDE
                : Math.max(MIN_SIDE, Math.min(MAX_SIDE, Math.floor((width - (COLUMNS - 1) * getHgap()) / COLUMNS)));
        for (var child : getChildren()) {
            ImageView image = (ImageView) ((VBox) child).getChildren().get(0);
            image.setFitWidth(side);
            image.setFitHeight(side);
        }
    }
}
