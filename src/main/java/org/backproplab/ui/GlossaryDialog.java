package org.backproplab.ui;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.backproplab.glossary.Glossary;
import org.backproplab.glossary.Term;

/**
 * Help ▸ Glossary (Shift+F1): every concept the app names, its term in both languages and its definition in the
 * window's language, searchable as one types (in either language or in a definition). The entries come from
 * {@link Glossary#shipped()}, the same data the terms test holds the bundles to.
 */
final class GlossaryDialog {

    static final String ID = "glossary-dialog";
    static final String SEARCH_ID = "glossary-search";

    private GlossaryDialog() {
    }

    /** The entries for a query, as the dialog lists them: the window's language first. */
    static VBox entries(Glossary glossary, String query, Locale locale, ResourceBundle messages) {
        VBox box = new VBox();
        box.getStyleClass().add(Styles.GLOSSARY);
        List<Term> found = glossary.search(query);
        if (found.isEmpty()) {
            box.getChildren().add(new Label(messages.getString("glossary.none")));
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        for (Term term : found) {
            Label name = new Label(chinese ? term.chinese() + "　" + term.english()
                    : term.english() + "  ·  " + term.chinese());
            name.getStyleClass().add(Styles.GLOSSARY_TERM);
            Label definition = new Label(term.definition(locale));
            definition.setWrapText(true);
            definition.getStyleClass().add(Styles.GLOSSARY_DEFINITION);
            Locale other = chinese ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            definition.setTooltip(new Tooltip(term.definition(other)));
            box.getChildren().addAll(name, definition);
        }
        return box;
    }

    /** Shows the glossary in the window's theme and zoom, the search field focused. */
    static void show(Window owner, ResourceBundle messages, Locale locale) {
        Glossary glossary = Glossary.shipped();
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPromptText(messages.getString("glossary.search"));
        search.setTooltip(new Tooltip(messages.getString("glossary.search.tip")));
        ScrollPane scroll = new ScrollPane(entries(glossary, "", locale, messages));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        scroll.setPrefViewportWidth(600);
        search.textProperty().addListener((o, was, now) ->
                scroll.setContent(entries(glossary, now, locale, messages)));
        VBox content = new VBox(8, search, scroll);

        Alert alert = SheetDialog.of(owner, messages, "glossary", "mdi2b-book-open-variant", content, ID);
        alert.setOnShown(e -> Platform.runLater(search::requestFocus));
        alert.showAndWait();
    }
}
