package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Applies a theme and the presentation zoom to a scene, and from it to dialogs. The theme is a stylesheet over {@code app.css}; the zoom
 * is the root's font size, which the stylesheet's sizes in {@code em} follow (the node cards and other drawings
 * of a fixed size keep pixels and grow with the graph's zoom instead).
 */
public final class Appearance {

    /** The root font size at 100%, as in app.css. */
    static final double BASE_FONT_SIZE = 13;

    private Appearance() {
    }

    /** The stylesheets of a theme, in order: app.css, then the theme's own if it has one. */
    static List<String> stylesheets(Theme theme) {
        List<String> sheets = new ArrayList<>(List.of(Resources.externalForm(Resources.APP_CSS)));
        if (theme.stylesheet() != null) {
            sheets.add(Resources.externalForm(theme.stylesheet()));
        }
        return sheets;
    }

    /** A dialog looks like the window it belongs to: the same stylesheets (theme) and root style (zoom). */
    public static void styleLike(DialogPane pane, Window owner) {
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            pane.setStyle(owner.getScene().getRoot().getStyle());
        } else {
            pane.getStylesheets().setAll(stylesheets(Theme.LIGHT));
        }
    }

    static void apply(Scene scene, Theme theme, double zoom) {
        scene.getStylesheets().setAll(stylesheets(theme));
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_SIZE * zoom));
    }
}
