package org.backproplab.ui.mnist;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.IntConsumer;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import org.backproplab.ui.Format;

/**
 * Test digits in a grid, each a toggle button (so the keyboard reaches them) with the model's guess under it; a
 * wrong guess gets the {@code wrong} style (a red border) and says the true label. Choosing one reports its test
 * index.
 */
public final class DigitGrid extends TilePane {

    static final int SCALE = 2;
    static final int COLUMNS = 6;
    private final ToggleGroup group = new ToggleGroup();
    private IntConsumer onSelect = i -> { };
    private boolean updating;

    public DigitGrid() {
        getStyleClass().add("digit-grid");
        setPrefColumns(COLUMNS);
        setMinWidth(USE_PREF_SIZE);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (updating) {
                return;
            }
            if (now == null && old != null) {
                old.setSelected(true); // one digit stays chosen
            } else if (now != null) {
                onSelect.accept((Integer) now.getUserData());
            }
        });
    }

    public void setOnSelect(IntConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** Shows these cells, marking the one with test index {@code selected}. */
    public void show(List<MnistTabModel.DigitCell> cells, int selected, ResourceBundle messages) {
        updating = true;
        try {
            while (getChildren().size() > cells.size()) {
                getChildren().remove(getChildren().size() - 1);
            }
            while (getChildren().size() < cells.size()) {
                getChildren().add(newButton());
            }
            for (int k = 0; k < cells.size(); k++) {
                fill((ToggleButton) getChildren().get(k), cells.get(k), selected, messages);
            }
        } finally {
            updating = false;
        }
    }

    private ToggleButton newButton() {
        ToggleButton b = new ToggleButton();
        b.setToggleGroup(group);
        b.getStyleClass().add("digit-cell");
        ImageView image = new ImageView();
        Label guess = new Label();
        guess.getStyleClass().add("digit-guess");
        VBox box = new VBox(image, guess);
        box.getStyleClass().add("digit-cell-box");
        b.setGraphic(box);
        b.setTooltip(new Tooltip());
        return b;
    }

    private static void fill(ToggleButton b, MnistTabModel.DigitCell cell, int selected, ResourceBundle messages) {
        VBox box = (VBox) b.getGraphic();
        if (!Integer.valueOf(cell.index()).equals(b.getUserData())) { // the picture changes with the page only
            ((ImageView) box.getChildren().get(0)).setImage(PixelImages.image(ColorMap.inkImage(cell.pixels()), 28,
                    SCALE));
            b.setUserData(cell.index());
        }
        Label guess = (Label) box.getChildren().get(1);
        if (b.isSelected() != (cell.index() == selected)) {
            b.setSelected(cell.index() == selected);
        }
        String tip;
        if (cell.prediction() == null) {
            b.getStyleClass().removeAll("wrong", "right");
            guess.setText(MessageFormat.format(messages.getString("mnist.digits.cell.label"), cell.label()));
            tip = MessageFormat.format(messages.getString("mnist.digits.tip.untrained"), cell.index() + 1, cell.label());
        } else {
            int p = cell.prediction().digit();
            guess.setText(cell.wrong() ? MessageFormat.format(messages.getString("mnist.digits.cell.wrong"), p,
                    cell.label()) : Integer.toString(p));
            mark(b, cell.wrong());
            tip = MessageFormat.format(messages.getString("mnist.digits.tip"), cell.index() + 1, cell.label(), p,
                    Format.percent(cell.prediction().probability(), 2));
        }
        b.getTooltip().setText(tip);
        b.setAccessibleText(tip);
    }

    /** Sets the style class only when it changes: each change costs a CSS pass. */
    private static void mark(ToggleButton b, boolean wrong) {
        String now = wrong ? "wrong" : "right";
        String before = wrong ? "right" : "wrong";
        b.getStyleClass().remove(before);
        if (!b.getStyleClass().contains(now)) {
            b.getStyleClass().add(now);
        }
    }
}
