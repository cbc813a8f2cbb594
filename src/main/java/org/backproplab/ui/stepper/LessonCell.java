package org.backproplab.ui.stepper;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

import org.backproplab.stepper.LessonHeader;
import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.Language;
import org.backproplab.ui.Styles;

/**
 * A shipped lesson in the list, in the UI's language: its number and title ("02 · sigmoid neuron", "02 · Sigmoid
 * 神经元"), with what it teaches as its tooltip.
 */
final class LessonCell extends ListCell<String> {

    private final Language language;

    LessonCell(Language language) {
        this.language = language;
        getStyleClass().add(Styles.DATA);
    }

    @Override
    protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        if (empty || name == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(ShippedLessons.title(name, language.locale()));
        String explanation = LessonHeader.of(ShippedLessons.source(name), language.locale()).explanation();
        Tooltip tooltip = explanation.isEmpty() ? null : new Tooltip(explanation);
        if (tooltip != null) {
            tooltip.getStyleClass().add(Styles.DATA);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(420);
        }
        setTooltip(tooltip);
    }
}
