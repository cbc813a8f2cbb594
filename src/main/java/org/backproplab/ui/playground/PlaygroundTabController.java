package org.backproplab.ui.playground;

import java.io.File;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.backproplab.data.ToyData;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;
import org.backproplab.ui.ChartExport;
import org.backproplab.ui.Format;
import org.backproplab.ui.LossChart;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controller of {@code playground-tab.fxml}, kept thin: it fills the choices, shows the model's settings and
 * frames, and turns the controls, clicks on the diagram and keys into the {@link PlaygroundTabModel}'s commands. It
 * listens to the model weakly, so a view dropped by a language switch is collected while the model trains on.
 * Keys on the diagram: ← → (or ↑ ↓) choose the previous or next weight, Enter explains it, Esc clears the choice.
 */
public final class PlaygroundTabController {

    private final PlaygroundTabModel model;
    private final List<Object> listeners = new ArrayList<>();
    private boolean showing;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane playgroundRoot;
    @FXML private Button pgResetButton;
    @FXML private Button pgPlayButton;
    @FXML private FontIcon pgPlayIcon;
    @FXML private Tooltip pgPlayTooltip;
    @FXML private Button pgStepButton;
    @FXML private ComboBox<Integer> pgSpeedBox;
    @FXML private Label pgEpochLabel;
    @FXML private ComboBox<ToyData.Kind> pgShapeBox;
    @FXML private Slider pgNoiseSlider;
    @FXML private Label pgNoiseValue;
    @FXML private Slider pgTrainSlider;
    @FXML private Label pgTrainValue;
    @FXML private Label pgSeedValue;
    @FXML private Button pgRegenerateButton;
    @FXML private Button pgLoadButton;
    @FXML private Label pgSourceLabel;
    @FXML private HBox pgDataErrorBox;
    @FXML private Label pgDataErrorLabel;
    @FXML private Label pgDataProblemLabel;
    @FXML private GridPane pgFeatureGrid;
    @FXML private CheckBox pgFeatureX1;
    @FXML private CheckBox pgFeatureX2;
    @FXML private CheckBox pgFeatureX1Squared;
    @FXML private CheckBox pgFeatureX2Squared;
    @FXML private CheckBox pgFeatureX1TimesX2;
    @FXML private CheckBox pgFeatureSinX1;
    @FXML private CheckBox pgFeatureSinX2;
    @FXML private Button pgRemoveLayerButton;
    @FXML private Label pgLayersValue;
    @FXML private Button pgAddLayerButton;
    @FXML private ComboBox<Activation.Kind> pgActivationBox;
    @FXML private ComboBox<Playground.Problem> pgProblemBox;
    @FXML private ComboBox<Double> pgLearningRateBox;
    @FXML private ComboBox<Playground.Regularization> pgRegularizationBox;
    @FXML private ComboBox<Double> pgRegularizationRateBox;
    @FXML private Slider pgBatchSlider;
    @FXML private Label pgBatchValue;
    @FXML private Label pgShapeLabel;
    @FXML private NetworkDiagram pgDiagram;
    @FXML private VBox pgInspector;
    @FXML private Label pgParamTitle;
    @FXML private Label pgParamDetail;
    @FXML private Label pgParamValue;
    @FXML private Label pgParamGradient;
    @FXML private Label pgParamUpdate;
    @FXML private Button pgExplainButton;
    @FXML private Label pgExplainErrorLabel;
    @FXML private Label pgAccuracyLabel;
    @FXML private BoundaryView pgBoundaryView;
    @FXML private Label pgNegativeLegend;
    @FXML private Label pgPositiveLegend;
    @FXML private CheckBox pgShowTestBox;
    @FXML private Label pgTestLossLabel;
    @FXML private Label pgTrainLossLabel;
    @FXML private LossChart pgLossPlot;

    private Map<Playground.Feature, CheckBox> featureBoxes;

    public PlaygroundTabController(PlaygroundTabModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        featureBoxes = Map.of(Playground.Feature.X1, pgFeatureX1, Playground.Feature.X2, pgFeatureX2,
                Playground.Feature.X1_SQUARED, pgFeatureX1Squared, Playground.Feature.X2_SQUARED, pgFeatureX2Squared,
                Playground.Feature.X1_TIMES_X2, pgFeatureX1TimesX2, Playground.Feature.SIN_X1, pgFeatureSinX1,
                Playground.Feature.SIN_X2, pgFeatureSinX2);
        fillChoices();
        bindControls();
        bindRun();
        pgDiagram.setActions(new NetworkDiagram.Actions() {
            @Override public void select(ParamRef ref) { model.select(ref); }
            @Override public void addNeuron(int layer) { model.addNeuron(layer); }
            @Override public void removeNeuron(int layer) { model.removeNeuron(layer); }
        }, resources);
        pgDiagram.addEventHandler(KeyEvent.KEY_PRESSED, this::diagramKey);
        pgLossPlot.setEmptyText(text("playground.loss.empty"));
        ChartExport.install(pgLossPlot, resources, "playground-loss", model::lossTable);
        ChartExport.install(pgBoundaryView, resources, "playground-boundary", null);
        ChartExport.install(pgDiagram, resources, "playground-network", null);
        watch(model.settingsProperty(), s -> showSettings());
        watch(model.dataProperty(), d -> showSettings());
        watch(model.dataErrorProperty(), this::showDataError);
        watch(model.frameProperty(), this::showFrame);
        watch(model.selectedProperty(), r -> showSelection());
        watch(model.explainErrorProperty(), e -> {
            pgExplainErrorLabel.setText(PlaygroundTabModel.STEPPER_BUSY.equals(e) ? text(e) : e);
            pgExplainErrorLabel.setVisible(!e.isEmpty());
            pgExplainErrorLabel.setManaged(!e.isEmpty());
        });
        pgShowTestBox.selectedProperty().addListener((o, a, b) -> showFrame(model.frameProperty().get()));
    }

    // ---- commands ----

    @FXML private void reset() { model.reset(); }
    @FXML private void togglePlay() { model.togglePlay(); }
    @FXML private void step() { model.step(); }
    @FXML private void regenerate() { model.regenerate(); }
    @FXML private void addLayer() { model.addLayer(); }
    @FXML private void removeLayer() { model.removeLayer(); }
    @FXML private void explain() { model.explain(); }
    @FXML private void dismissDataError() { model.dismissDataError(); }

    /** Load CSV: a file of x1,x2,label lines; a malformed one is reported in the tab. */
    @FXML
    private void load() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("playground.load.title"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(text("playground.load.filter"), "*.csv"),
                new FileChooser.ExtensionFilter(text("playground.load.all"), "*"));
        File toy = new File("datasets/toy");
        if (toy.isDirectory()) {
            chooser.setInitialDirectory(toy);
        }
        File file = chooser.showOpenDialog(playgroundRoot.getScene() == null ? null : playgroundRoot.getScene().getWindow());
        if (file != null) {
            model.loadCsv(file.toPath());
        }
    }

    private void diagramKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.RIGHT || code == KeyCode.DOWN) {
            model.selectNext(+1);
        } else if (code == KeyCode.LEFT || code == KeyCode.UP) {
            model.selectNext(-1);
        } else if (code == KeyCode.ENTER) {
            model.explain();
        } else if (code == KeyCode.ESCAPE) {
            model.select(null);
        } else {
            return;
        }
        e.consume();
    }

    // ---- the settings ----

    private void fillChoices() {
        pgSpeedBox.getItems().setAll(PlaygroundTabModel.SPEEDS);
        pgSpeedBox.setConverter(converter(v -> v == PlaygroundRun.FASTEST ? text("playground.speed.fastest")
                : format("playground.speed.value", v)));
        pgShapeBox.getItems().setAll(ToyData.Kind.values());
        pgShapeBox.setConverter(converter(k -> text("playground.shape." + k.id())));
        pgActivationBox.getItems().setAll(Activation.Kind.values());
        pgActivationBox.setConverter(converter(k -> text("playground.activation." + k.id())));
        pgProblemBox.getItems().setAll(Playground.Problem.values());
        pgProblemBox.setConverter(converter(p -> text("playground.problem." + p.name().toLowerCase(Locale.ROOT))));
        pgLearningRateBox.getItems().setAll(PlaygroundSettings.LEARNING_RATES);
        pgLearningRateBox.setConverter(converter(PlaygroundTabController::number));
        pgRegularizationBox.getItems().setAll(PlaygroundSettings.REGULARIZATIONS);
        pgRegularizationBox.setConverter(converter(r -> text("playground.regularization." + r.id())));
        pgRegularizationRateBox.getItems().setAll(PlaygroundSettings.REGULARIZATION_RATES);
        pgRegularizationRateBox.setConverter(converter(PlaygroundTabController::number));
        featureBoxes.forEach((f, box) -> {
            box.setText(f.symbol());
            box.setTooltip(new Tooltip(format("tooltip.playground.feature", f.symbol())));
        });
    }

    private void bindControls() {
        watch(model.speedProperty(), v -> pgSpeedBox.setValue(v.intValue()));
        pgSpeedBox.setOnAction(e -> {
            if (pgSpeedBox.getValue() != null) {
                model.speedProperty().set(pgSpeedBox.getValue());
            }
        });
        onChoice(pgShapeBox, model::setShape);
        onChoice(pgActivationBox, model::setActivation);
        onChoice(pgProblemBox, model::setProblem);
        onChoice(pgLearningRateBox, model::setLearningRate);
        onChoice(pgRegularizationBox, model::setRegularization);
        onChoice(pgRegularizationRateBox, model::setRegularizationRate);
        onSlide(pgNoiseSlider, v -> model.setNoise(v / 100));
        onSlide(pgTrainSlider, v -> model.setTrainShare(v / 100));
        onSlide(pgBatchSlider, v -> model.setBatchSize((int) Math.round(v)));
        pgNoiseSlider.valueProperty().addListener((o, a, b) -> pgNoiseValue.setText(Math.round(b.doubleValue()) + "%"));
        pgTrainSlider.valueProperty().addListener((o, a, b) -> pgTrainValue.setText(Math.round(b.doubleValue()) + "%"));
        pgBatchSlider.valueProperty().addListener((o, a, b) -> pgBatchValue.setText(Long.toString(Math.round(b.doubleValue()))));
        featureBoxes.forEach((f, box) -> box.selectedProperty().addListener((o, a, on) -> {
            if (!showing) {
                model.setFeature(f, on);
                box.setSelected(model.settings().features().contains(f)); // the last feature stays on
            }
        }));
    }

    private <T> void onChoice(ComboBox<T> box, Consumer<T> command) {
        box.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                command.accept(b);
            }
        });
    }

    /** A slider commits when let go (or at once from the keyboard), not at every pixel of a drag. */
    private void onSlide(Slider slider, Consumer<Double> command) {
        slider.valueProperty().addListener((o, a, b) -> {
            if (!showing && !slider.isValueChanging()) {
                command.accept(b.doubleValue());
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!showing && !now) {
                command.accept(slider.getValue());
            }
        });
    }

    private void showSettings() {
        PlaygroundSettings s = model.settings();
        PlaygroundData d = model.dataProperty().get();
        showing = true;
        try {
            pgShapeBox.setValue(d != null && d.fromFile() ? null : s.shape());
            pgNoiseSlider.setValue(Math.round(s.noise() * 100));
            pgNoiseSlider.setDisable(d != null && d.fromFile());
            pgTrainSlider.setValue(Math.round(s.trainShare() * 100));
            pgBatchSlider.setValue(s.batchSize());
            pgActivationBox.setValue(s.activation());
            pgProblemBox.setValue(s.problem());
            pgLearningRateBox.setValue(s.learningRate());
            pgRegularizationBox.setValue(s.regularization());
            pgRegularizationRateBox.setValue(s.regularizationRate());
            pgRegularizationRateBox.setDisable(s.regularization() == Playground.Regularization.NONE);
            featureBoxes.forEach((f, box) -> box.setSelected(s.features().contains(f)));
        } finally {
            showing = false;
        }
        pgNoiseValue.setText(Math.round(s.noise() * 100) + "%");
        pgTrainValue.setText(Math.round(s.trainShare() * 100) + "%");
        pgBatchValue.setText(Integer.toString(s.batchSize()));
        pgSeedValue.setText(Long.toString(s.seed()));
        pgLayersValue.setText(Integer.toString(s.hidden().size()));
        pgAddLayerButton.setDisable(s.hidden().size() >= PlaygroundSettings.MAX_LAYERS);
        pgRemoveLayerButton.setDisable(s.hidden().isEmpty());
        StringBuilder shape = new StringBuilder();
        for (int size : s.sizes()) {
            shape.append(shape.length() == 0 ? "" : " – ").append(size);
        }
        pgShapeLabel.setText(s.hidden().isEmpty() ? shape.toString()
                : shape + " · " + text("playground.activation." + s.activation().id()));
        if (d != null) {
            String from = d.fromFile() ? format("playground.source.file", d.source())
                    : text("playground.shape." + d.source());
            pgSourceLabel.setText(format("playground.source", from, d.train().size(), d.test().size()));
            boolean classes = s.problem() == Playground.Problem.CLASSIFICATION;
            pgNegativeLegend.setText(classes ? text("playground.legend.class0")
                    : format("playground.legend.low", Numbers.significant(d.labelMin(), 3)));
            pgPositiveLegend.setText(classes ? text("playground.legend.class1")
                    : format("playground.legend.high", Numbers.significant(d.labelMax(), 3)));
        }
        boolean problem = !model.canTrainBinding().get();
        pgDataProblemLabel.setText(problem ? text("playground.data.notBinary") : "");
        pgDataProblemLabel.setVisible(problem);
        pgDataProblemLabel.setManaged(problem);
    }

    private void showDataError(String error) {
        pgDataErrorLabel.setText(error.isEmpty() ? "" : format("playground.load.failed", error));
        pgDataErrorBox.setVisible(!error.isEmpty());
        pgDataErrorBox.setManaged(!error.isEmpty());
    }

    // ---- the run ----

    private void bindRun() {
        pgPlayButton.disableProperty().bind(model.canTrainBinding().not());
        pgStepButton.disableProperty().bind(model.playingProperty().or(model.canTrainBinding().not()));
        watch(model.playingProperty(), playing -> {
            pgPlayButton.setText(text(playing ? "playground.pause" : "playground.play"));
            pgPlayIcon.setIconLiteral(playing ? "mdi2p-pause" : "mdi2p-play");
            pgPlayTooltip.setText(text(playing ? "playground.pause.tip" : "playground.play.tip"));
        });
    }

    private void showFrame(PlaygroundRun.Frame f) {
        if (f == null) {
            pgEpochLabel.setText(Format.epoch(0));
            return;
        }
        boolean classes = f.network().problem() == Playground.Problem.CLASSIFICATION;
        pgBoundaryView.show(f.boundary());
        pgBoundaryView.showPoints(f.data(), classes, pgShowTestBox.isSelected());
        pgDiagram.show(f);
        pgEpochLabel.setText(Format.epoch(f.epoch()));
        int epochs = f.trainLoss().count();
        pgLossPlot.show(epochs, f.trainLoss(), f.testLoss());
        pgTestLossLabel.setText(format("playground.loss.test", Format.loss(epochs == 0 ? Double.NaN : f.testLoss().last())));
        pgTrainLossLabel.setText(format("playground.loss.train",
                Format.loss(epochs == 0 ? Double.NaN : f.trainLoss().last())));
        pgAccuracyLabel.setText(classes ? format("playground.accuracy", Format.percent(f.accuracy(), 1))
                : text("playground.regression.caption"));
        showSelection();
    }

    private void showSelection() {
        ParamRef ref = model.selectedProperty().get();
        PlaygroundRun.Frame f = model.frameProperty().get();
        boolean known = ref != null && f != null && ref.fits(f.network().sizes());
        pgDiagram.setSelected(known ? ref : null);
        pgExplainButton.setDisable(!known);
        if (!known) {
            pgParamTitle.setText(text("playground.param.none"));
            pgParamDetail.setText(text("playground.param.none.detail"));
            pgParamValue.setText(Format.NONE);
            pgParamGradient.setText(Format.NONE);
            pgParamUpdate.setText(Format.NONE);
            return;
        }
        NetworkSnapshot net = f.network();
        pgParamTitle.setText(format(ref.isBias() ? "playground.param.bias" : "playground.param.weight", ref.label()));
        int last = net.layers() - 1;
        String to = ref.layer() == last ? text("playground.param.output")
                : format("playground.param.neuron", ref.layer() + 1, ref.to() + 1);
        String from = ref.isBias() ? null : ref.layer() == 0
                ? format("playground.param.feature", net.features().get(ref.from()).symbol())
                : format("playground.param.neuron", ref.layer(), ref.from() + 1);
        pgParamDetail.setText(ref.isBias() ? format("playground.param.bias.detail", to)
                : format("playground.param.weight.detail", from, to));
        pgParamValue.setText(Format.number(net.value(ref)));
        pgParamGradient.setText(f.epoch() == 0 && net.gradient(ref) == 0 ? Format.NONE : Format.number(net.gradient(ref)));
        pgParamUpdate.setText(Format.number(net.update(ref)));
    }

    // ---- helpers ----

    private String text(String key) {
        return resources.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(resources.getString(key), args);
    }

    private static String number(double v) {
        return Format.setting(v);
    }

    private <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }

    /** Runs the action now and whenever the value changes, for as long as this view lives. */
    private <T> void watch(ObservableValue<T> value, Consumer<T> action) {
        ChangeListener<T> listener = (o, old, now) -> action.accept(now);
        listeners.add(listener);
        value.addListener(new WeakChangeListener<>(listener));
        action.accept(value.getValue());
    }
}
