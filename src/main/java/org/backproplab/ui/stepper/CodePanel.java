package org.backproplab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.codegen.TrainStep;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.stepper.Phase;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The code beside the graph: the script "Show as code" writes for the network a batch lesson came from (the primer's
 * tf.keras {@code train_step}, or switched, the PyTorch loop), with the lines of the training step that the phase
 * shown is doing highlighted — the model call and the loss in Forward, {@code tape.gradient} in Backward,
 * {@code apply_gradients} in Update — and a sentence under it saying what each of them does.
 */
public final class CodePanel extends VBox {

    static final String ACTIVE = "code-line-active";

    private final ResourceBundle messages;
    private final ToggleButton keras;
    private final ToggleButton pytorch;
    private final ListView<String> lines = new ListView<>();
    private final Label explanation = new Label();
    private final Set<Integer> highlighted = new TreeSet<>();
    private TrainingConfig config;
    private List<TrainStep.Line> step = List.of();
    private Phase phase;

    public CodePanel(ResourceBundle messages) {
        this.messages = messages;
        getStyleClass().add("code-panel");
        setId("codePanel");
        setSpacing(4);
        FontIcon icon = new FontIcon("mdi2c-code-tags");
        icon.getStyleClass().add("pane-icon");
        Label title = new Label(messages.getString("code.panel.title"));
        title.getStyleClass().add("pane-title");
        ToggleGroup group = new ToggleGroup();
        keras = toggle("code.panel.keras", group);
        pytorch = toggle("code.panel.pytorch", group);
        keras.setId("codeKeras");
        pytorch.setId("codePytorch");
        keras.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always on
            } else {
                rewrite();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, icon, title, spacer, keras, pytorch);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        lines.setId("codeLines");
        lines.getStyleClass().add("code-lines");
        lines.setCellFactory(list -> new LineCell());
        VBox.setVgrow(lines, Priority.ALWAYS);
        explanation.setId("codeExplanation");
        explanation.getStyleClass().add("code-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(header, lines, explanation);
    }

    private ToggleButton toggle(String key, ToggleGroup group) {
        ToggleButton b = new ToggleButton(messages.getString(key));
        b.setToggleGroup(group);
        b.setTooltip(new Tooltip(messages.getString(key + ".tip")));
        b.getStyleClass().add("code-framework");
        return b;
    }

    /** The network whose code to show; null hides nothing but empties the panel (the view hides it). */
    public void show(TrainingConfig network) {
        config = network;
        rewrite();
    }

    /** The framework shown. */
    public TrainStep.Framework framework() {
        return pytorch.isSelected() ? TrainStep.Framework.PYTORCH : TrainStep.Framework.KERAS;
    }

    /** Shows the other framework's code (the view's tests, and a keyboard user, switch this way too). */
    public void setFramework(TrainStep.Framework framework) {
        (framework == TrainStep.Framework.KERAS ? keras : pytorch).setSelected(true);
    }

    /** Highlights the lines of the phase {@code frame} shows; none before its first step (or without a frame). */
    public void follow(org.backproplab.stepper.Frame frame) {
        highlight(frame == null || frame.position() == 0 ? null : frame.phase());
    }

    /** Highlights the lines of the step that {@code shown} is doing; null (ready) or forward mode: none. */
    public void highlight(Phase shown) {
        phase = shown;
        highlighted.clear();
        List<String> sentences = new ArrayList<>();
        TrainStep.Part part = shown == null ? null : switch (shown) {
            case FORWARD -> TrainStep.Part.FORWARD;
            case BACKWARD -> TrainStep.Part.BACKWARD;
            case UPDATE -> TrainStep.Part.UPDATE;
            case TANGENT -> null;
        };
        for (TrainStep.Line l : step) {
            if (l.part() == part) {
                highlighted.add(l.index());
                sentences.add(messages.getString("code.line." + l.id()));
            }
        }
        explanation.setText(sentences.isEmpty()
                ? messages.getString(shown == Phase.TANGENT ? "code.panel.tangent" : "code.panel.ready")
                : String.join("\n", sentences));
        lines.refresh();
        if (!highlighted.isEmpty()) {
            int top = Math.max(0, highlighted.iterator().next() - 2);
            lines.scrollTo(top);
            // A list not laid out yet (a new view, after a language switch) scrolls by guessed heights: again after.
            javafx.application.Platform.runLater(() -> lines.scrollTo(top));
        }
    }

    /** The text of the lines highlighted now, in order. */
    public List<String> highlightedLines() {
        return highlighted.stream().map(i -> lines.getItems().get(i)).toList();
    }

    /** The sentence(s) under the code. */
    public String explanation() {
        return explanation.getText();
    }

    private void rewrite() {
        if (config == null) {
            lines.getItems().clear();
            step = List.of();
        } else {
            String code = framework().code(config, messages.getLocale());
            lines.getItems().setAll(code.split("\n", -1));
            step = TrainStep.lines(code, framework());
        }
        highlight(phase);
    }

    /** A line of code, marked while its part of the step is being done. */
    private final class LineCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().remove(ACTIVE);
            if (!empty && highlighted.contains(getIndex())) {
                getStyleClass().add(ACTIVE);
            }
        }
    }
}
