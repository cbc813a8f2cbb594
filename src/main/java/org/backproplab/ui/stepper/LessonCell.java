package org.backproplab.ui.stepper;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

import org.backproplab.stepper.ShippedLessons;
import org.backproplab.ui.Language;
import org.backproplab.ui.Styles;

/** A shipped lesson in the list: "01 · circuit", with what it teaches (in the UI's language) as its tooltip. */
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
        setText(LessonFiles.title(name));
        String summary = ShippedLessons.summary(ShippedLessons.source(name), language == Language.SIMPLIFIED_CHINESE);
        Tooltip tooltip = summary.isEmpty() ? null : new Tooltip(summary);
        if (tooltip != null) {
            tooltip.getStyleClass().add(Styles.DATA);
        }
        setTooltip(tooltip);
    }
}
