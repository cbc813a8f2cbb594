package org.backproplab.ui.stepper;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;

import org.backproplab.stepper.LessonHeader;

/**
 * The lesson's description above its editor: the title and what it teaches in the window's language (the part of
 * the header written in it, see {@link LessonHeader}), wrapped to the column's width. The header is in the editor
 * too, both languages on long lines; this is the part to read. A lesson whose header has neither in this language
 * (a file of one's own, an Explain) gives the whole column to the editor.
 */
final class LessonAbout {

    private final SplitPane split;
    private final ScrollPane pane;
    private final Label title;
    private final Label text;
    private final Locale locale;
    /** Where the divider was when the description last went away, to put it back there. */
    private double divider;

    LessonAbout(SplitPane split, ScrollPane pane, Label title, Label text, Locale locale) {
        this.split = split;
        this.pane = pane;
        this.title = title;
        this.text = text;
        this.locale = locale;
        divider = split.getDividerPositions().length > 0 ? split.getDividerPositions()[0] : 0.4;
    }

    /** Shows the header of the lesson text {@code source}, or hides the description when it has none. */
    void show(String source) {
        LessonHeader header = LessonHeader.of(source, locale);
        show(title, header.title());
        show(text, header.explanation());
        boolean any = !header.title().isEmpty() || !header.explanation().isEmpty();
        boolean shown = split.getItems().contains(pane);
        if (any && !shown) {
            split.getItems().add(0, pane);
            split.setDividerPositions(divider);
        } else if (!any && shown) {
            divider = split.getDividerPositions()[0];
            split.getItems().remove(pane);
        }
        pane.setVvalue(0);
    }

    private static void show(Label label, String value) {
        label.setText(value);
        label.setVisible(!value.isEmpty());
        label.setManaged(!value.isEmpty());
    }
}
