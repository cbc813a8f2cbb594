package org.backproplab.ui.stepper;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import org.backproplab.engine.Numbers;
import org.backproplab.stepper.Stepper;
import org.backproplab.stepper.Texts;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.ui.LossChart;

/**
 * The step-through view's training panel: the chart and the last number of what an update lowers — the loss, or the
 * output of a lesson without one, named in the title ({@link StepperViewModel#chartTitle}) — the optimizer (named in
 * the window's language) and the learning rate (committed on Enter or when the field loses the focus, marked invalid
 * while it is not a positive number), and the number of iterations to run.
 */
final class TrainingPanel {

    private final StepperViewModel model;
    private final ResourceBundle resources;
    private final ComboBox<OptimizerKind> optimizerBox;
    private final TextField learningRateField;
    private final Spinner<Integer> iterationsSpinner;
    private ComboBox<Clipping.Mode> clipBox;
    private TextField clipField;
    private final Label lossLabel;
    private final Label titleLabel;
    private final Tooltip titleTip = new Tooltip();
    private final LossChart chart = new LossChart(LossChart.Look.MIN_TO_MAX);
    private String shownEmptyText;

    TrainingPanel(StepperViewModel model, ResourceBundle resources, StackPane chartHolder, Label titleLabel,
                  Label lossLabel, ComboBox<OptimizerKind> optimizerBox, TextField learningRateField,
                  Spinner<Integer> iterationsSpinner) {
        this.model = model;
        this.resources = resources;
        this.optimizerBox = optimizerBox;
        this.learningRateField = learningRateField;
        this.iterationsSpinner = iterationsSpinner;
        this.lossLabel = lossLabel;
        this.titleLabel = titleLabel;
        titleLabel.setTooltip(titleTip);
        chartHolder.getChildren().add(chart);
    }

    LossChart chart() {
        return chart;
    }

    /** Fills the optimizer box, the learning-rate field and the iterations spinner, and makes them commands. */
    void bindControls() {
        optimizerBox.getItems().setAll(Stepper.OPTIMIZERS);
        // The names the MNIST tab gives them (the one list of all five), the glossary's words in each language.
        optimizerBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(OptimizerKind kind) {
                return kind == null ? "" : resources.getString("mnist.optimizer." + kind.id());
            }

            @Override
            public OptimizerKind fromString(String name) {
                return Stepper.OPTIMIZERS.stream().filter(kind -> toString(kind).equals(name)).findFirst().orElse(null);
            }
        });
        optimizerBox.setValue(model.optimizerProperty().get());
        optimizerBox.setOnAction(e -> {
            // Only a change of choice: setting the box to the model's value (an opened session) keeps the optimizer.
            OptimizerKind kind = optimizerBox.getValue();
            if (kind != null && kind != model.optimizerProperty().get()) {
                model.setOptimizer(kind);
            }
        });
        learningRateField.setText(Numbers.format(model.learningRateProperty().get()));
        learningRateField.setOnAction(e -> commitLearningRate());
        learningRateField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitLearningRate();
            }
        });
        iterationsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000, 500, 100));
    }

    /**
     * The clipping switch: none, by global norm or by value, with its threshold (default 1); a threshold that is not
     * a positive number is marked and not used.
     */
    void bindClipping(ComboBox<Clipping.Mode> box, TextField field) {
        clipBox = box;
        clipField = field;
        box.getItems().setAll(Clipping.Mode.NONE, Clipping.Mode.NORM, Clipping.Mode.VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Clipping.Mode mode) {
                return mode == null ? "" : resources.getString("training.clip." + mode.id());
            }

            @Override
            public Clipping.Mode fromString(String name) {
                return null;
            }
        });
        Clipping now = model.clippingProperty().get();
        box.setValue(now.mode());
        field.setText(now.mode() == Clipping.Mode.NONE ? "1" : Numbers.format(now.threshold()));
        field.disableProperty().bind(box.valueProperty().isEqualTo(Clipping.Mode.NONE));
        box.setOnAction(e -> commitClipping());
        field.setOnAction(e -> commitClipping());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitClipping();
            }
        });
    }

    private void commitClipping() {
        Clipping.Mode mode = clipBox.getValue();
        try {
            double threshold = mode == Clipping.Mode.NONE ? 0
                    : Double.parseDouble(clipField.getText().trim().replace(',', '.'));
            Clipping next = mode.with(threshold);
            if (!next.equals(model.clippingProperty().get())) {
                model.setClipping(next);
            }
            clipField.getStyleClass().remove("invalid");
        } catch (IllegalArgumentException e) {
            if (!clipField.getStyleClass().contains("invalid")) {
                clipField.getStyleClass().add("invalid");
            }
        }
    }

    void showOptimizer(OptimizerKind kind) {
        optimizerBox.setValue(kind);
    }

    /** A learning rate set elsewhere (an opened session): shown unless the field already says it. */
    void showLearningRate(double lr) {
        if (parsedLearningRate() != lr) {
            learningRateField.setText(Numbers.format(lr));
            learningRateField.getStyleClass().remove("invalid");
        }
    }

    /** The number of iterations to run, with what is typed in the spinner taken first (or put back if not one). */
    int iterations() {
        try {
            iterationsSpinner.increment(0);
        } catch (RuntimeException e) {
            iterationsSpinner.getEditor().setText(Integer.toString(iterationsSpinner.getValue()));
        }
        return iterationsSpinner.getValue();
    }

    void showLoss() {
        var s = model.stepper();
        if (s == null) {
            return;
        }
        titleLabel.setText(model.figures().chartTitle(resources));
        titleTip.setText(resources.getString(s.minimised().key("training.title") + ".tip"));
        String empty = resources.getString(s.minimised().key("training.empty"));
        if (!empty.equals(shownEmptyText)) { // a new text redraws the chart: only when it changes
            chart.setEmptyText(empty);
            shownEmptyText = empty;
        }
        int count = Math.min(model.lossCountProperty().get(), s.losses().count());
        chart.show(count, s.losses());
        lossLabel.setText(count == 0 ? "—" : MessageFormat.format(resources.getString("training.lossValue"),
                Texts.number(s.losses().get(count)), count));
    }

    /** The number in the learning-rate field, NaN when it is none. */
    private double parsedLearningRate() {
        try {
            return Double.parseDouble(learningRateField.getText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void commitLearningRate() {
        try {
            double lr = Double.parseDouble(learningRateField.getText().trim().replace(',', '.'));
            if (lr != model.learningRateProperty().get()) {
                model.setLearningRate(lr);
            }
            learningRateField.getStyleClass().remove("invalid");
        } catch (IllegalArgumentException e) {
            if (!learningRateField.getStyleClass().contains("invalid")) {
                learningRateField.getStyleClass().add("invalid");
            }
        }
    }
}
