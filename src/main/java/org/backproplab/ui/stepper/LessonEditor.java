package org.backproplab.ui.stepper;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import org.backproplab.lesson.Diagnostic;
import org.backproplab.ui.Focus;
import org.backproplab.ui.Styles;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The lesson's text, editable, with line numbers. Edits are passed on after a pause in typing (debounced), and
 * {@link #showErrors} underlines each error from its line:col to the end of its word. Ctrl+Tab leaves it.
 */
final class LessonEditor extends StackPane {

    static final Duration DEBOUNCE = Duration.millis(350);

    private final CodeArea area = new CodeArea();
    private final PauseTransition pause = new PauseTransition(DEBOUNCE);
    private boolean quiet;

    LessonEditor(Consumer<String> onEdit) {
        getStyleClass().add("lesson-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);
        area.setId("lessonText");
        getChildren().add(new VirtualizedScrollPane<>(area));
        pause.setOnFinished(e -> onEdit.accept(area.getText()));
        // Tab types a tab here, as in any editor; Ctrl+Tab (Ctrl+Shift+Tab) leaves for the next (previous) control.
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isControlDown()) {
                Focus.leave(this, !e.isShiftDown());
                e.consume();
            }
        });
        area.textProperty().addListener((obs, old, text) -> {
            if (!quiet) {
                pause.playFromStart();
            }
        });
    }

    CodeArea area() {
        return area;
    }

    String text() {
        return area.getText();
    }

    /** Replaces the text without reporting it as an edit. */
    void setText(String text) {
        quiet = true;
        try {
            area.replaceText(text);
            area.moveTo(0);
            area.requestFollowCaret();
        } finally {
            quiet = false;
        }
        pause.stop();
    }

    /** Underlines each error at its line:col; an empty list clears them. */
    void showErrors(List<Diagnostic> errors) {
        String text = area.getText();
        int length = text.length();
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (int[] range : errors.stream().map(d -> range(text, d)).sorted((a, b) -> a[0] - b[0]).toList()) {
            if (range[0] < at) {
                continue;
            }
            spans.add(List.of(), range[0] - at);
            spans.add(List.of(Styles.ERROR_UNDERLINE), range[1] - range[0]);
            at = range[1];
        }
        spans.add(List.of(), length - at);
        StyleSpans<Collection<String>> built = spans.create();
        area.setStyleSpans(0, built);
    }

    /**
     * The characters an error covers: from its column (in code points, 1-based) to the end of the word there, at
     * least one character; an error past the end of its line marks the line's last character.
     */
    static int[] range(String text, Diagnostic d) {
        String[] lines = text.split("\n", -1);
        int line = Math.max(1, Math.min(d.line(), lines.length));
        int offset = 0;
        for (int i = 0; i < line - 1; i++) {
            offset += lines[i].length() + 1;
        }
        String l = lines[line - 1];
        int col = Math.max(0, Math.min(l.offsetByCodePoints(0, Math.min(d.column() - 1, l.codePointCount(0, l.length()))),
                l.length()));
        if (l.isEmpty()) {
            return new int[] {offset, Math.min(offset + 1, text.length())};
        }
        if (col >= l.length()) {
            col = l.length() - 1;
        }
        int end = col + 1;
        while (end < l.length() && (Character.isLetterOrDigit(l.charAt(end)) || l.charAt(end) == '_' || l.charAt(end) == '.')
                && (Character.isLetterOrDigit(l.charAt(col)) || l.charAt(col) == '_')) {
            end++;
        }
        return new int[] {offset + col, offset + end};
    }
}
