package org.backproplab.ui.stepper;

import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Snapshot;
import org.backproplab.stepper.Inspection;
import org.backproplab.stepper.StepGraph;
import org.backproplab.stepper.Texts;
import org.backproplab.ui.Styles;

/**
 * The inspector's content for one node: op, formula, value, gradient, local derivatives, what the op saved for
 * backward, and for a param the numeric gradient check with its relative error. Under a constant's gradient, a note
 * says why it has one (the chain rule makes no exception) and why nothing uses it (only params are updated).
 */
final class InspectorView extends VBox {

    /** The id of the note under a constant's gradient. */
    static final String CONSTANT_GRADIENT_ID = "inspector-constantGradient";

    private final ResourceBundle messages;
    private final Label title = new Label();
    private final GridPane table = new GridPane();

    InspectorView(ResourceBundle messages) {
        this.messages = messages;
        getStyleClass().add("inspector-content");
        setSpacing(8);
        title.getStyleClass().add(Styles.INSPECTOR_TITLE);
        title.setId("inspectorTitle");
        title.getStyleClass().add(Styles.DATA);
        table.setHgap(10);
        table.setVgap(6);
        getChildren().addAll(title, table);
    }

    void show(Inspection i, String outputName) {
        table.getChildren().clear();
        if (i == null) {
            title.setText("");
            return;
        }
        title.setText(i.node().name());
        int row = 0;
        // A leaf's kind is a word of the UI (translated, as on its card); an op's name is the lesson language's.
        row = i.node().isLeaf()
                ? add(row, "inspector.op", messages.getString(i.node().role() == StepGraph.Role.PARAM ? "card.param"
                        : "card.constant"))
                : add(row, "inspector.op", i.node().op(), true);
        row = add(row, "inspector.formula", i.node().formula(), true);
        row = add(row, "inspector.shape", Texts.shape(i.node().rows(), i.node().cols()), true);
        row = add(row, "inspector.value", full(i.value()), i.value() != null);
        row = add(row, "inspector.gradient", i.gradient() == null ? messages.getString("inspector.notYet")
                : Texts.partial(outputName, i.node().name()) + " = " + full(i.gradient()), i.gradient() != null);
        if (i.node().role() == StepGraph.Role.CONSTANT && i.gradient() != null) {
            row = note(row, MessageFormat.format(messages.getString("inspector.constantGradient"), i.node().name(),
                    outputName));
        }
        if (!i.node().isLeaf()) {
            row = add(row, "inspector.local", i.locals().isEmpty() ? messages.getString("inspector.notYet")
                    : String.join("\n", i.locals()), !i.locals().isEmpty());
            StringBuilder saved = new StringBuilder();
            for (Map.Entry<String, Snapshot> e : i.saved().entrySet()) {
                saved.append(saved.length() == 0 ? "" : "\n").append(e.getKey()).append(" = ").append(Texts.value(e.getValue()));
            }
            row = add(row, "inspector.saved", saved.length() == 0 ? messages.getString("inspector.nothingSaved")
                    : saved.toString(), saved.length() > 0);
        }
        GradientCheck.Result check = i.check();
        if (check != null) {
            String text = MessageFormat.format(messages.getString("inspector.check.result"),
                    Texts.value(check.analytic()), Texts.value(check.numeric()),
                    String.format(java.util.Locale.ROOT, "%.1e", check.maxRelativeError()),
                    messages.getString(check.passes(1e-6) ? "inspector.check.ok" : "inspector.check.bad"));
            add(row, "inspector.check", text);
        } else if (i.node().role() == StepGraph.Role.PARAM) {
            add(row, "inspector.check", MessageFormat.format(messages.getString("inspector.check.skipped"),
                    String.format(java.util.Locale.ROOT, "%,d", i.node().rows() * i.node().cols()),
                    String.format(java.util.Locale.ROOT, "%,d", Inspection.CHECK_LIMIT)));
        }
    }

    /** A text across both columns, e.g. why a constant has a gradient. */
    private int note(int row, String text) {
        Label note = new Label(text);
        note.getStyleClass().add(Styles.INSPECTOR_KEY);
        note.setWrapText(true);
        note.setMaxWidth(240);
        note.setId(CONSTANT_GRADIENT_ID);
        table.add(note, 0, row, 2, 1);
        return row + 1;
    }

    /** The most numbers the inspector writes out. */
    static final int FULL_LIMIT = 64;

    private String full(Snapshot s) {
        if (s == null) {
            return messages.getString("inspector.notYet");
        }
        if (s.isScalar()) {
            return Double.toString(s.item());
        }
        // Up to 64 numbers in full; an MNIST batch's matrices (thousands) by their size: the card draws them.
        return s.rows() * s.cols() <= FULL_LIMIT ? Texts.shape(s.rows(), s.cols()) + " " + s
                : Texts.shape(s.rows(), s.cols()) + "  max |x| = " + Texts.number(Texts.maxAbs(s))
                        + ",  mean |x| = " + Texts.number(Texts.meanAbs(s));
    }

    private int add(int row, String key, String value) {
        return add(row, key, value, false);
    }

    private int add(int row, String key, String value, boolean computed) {
        Label k = new Label(messages.getString(key));
        k.getStyleClass().add(Styles.INSPECTOR_KEY);
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add(Styles.INSPECTOR_VALUE);
        if (computed) {
            v.getStyleClass().add(Styles.DATA); // what the app computed: names, formulas, numbers
        }
        v.setWrapText(true);
        v.setMaxWidth(170);
        v.setId("inspector-" + key.substring(key.indexOf('.') + 1));
        table.add(k, 0, row);
        table.add(v, 1, row);
        return row + 1;
    }
}
