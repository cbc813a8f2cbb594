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
import org.backproplab.nn.Playground;
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
    @FXML private Button resetButton;
    @FXML private Button playButton;
    @FXML private FontIcon playIcon;
    @FXML private Tooltip playTooltip;
    @FXML private Button stepButton;
    @FXML private ComboBox<Integer> speedBox;
    @FXML private Label epochLabel;
    @FXML private ComboBox<ToyData.Kind> shapeBox;
    @FXML private Slider noiseSlider;
    @FXML private Label noiseValue;
    @FXML private Slider trainSlider;
    @FXML private Label trainValue;
    @FXML private Label seedValue;
    @FXML private Button regenerateButton;
    @FXML private Button loadButton;
    @FXML private Label sourceLabel;
    @FXML private HBox dataErrorBox;
    @FXML private Label dataErrorLabel;
    @FXML private Label dataProblemLabel;
    @FXML private GridPane featureGrid;
    @FXML private CheckBox featureX1;
    @FXML private CheckBox featureX2;
    @FXML private CheckBox featureX1Squared;
    @FXML private CheckBox featureX2Squared;
    @FXML private CheckBox featureX1TimesX2;
    @FXML private CheckBox featureSinX1;
    @FXML private CheckBox featureSinX2;
    @FXML private Button removeLayerButton;
    @FXML private Label layersValue;
    @FXML private Button addLayerButton;
    @FXML private ComboBox<Activation.Kind> activationBox;
    @FXML private ComboBox<Playground.Problem> problemBox;
    @FXML private ComboBox<Double> learningRateBox;
    @FXML private ComboBox<String> regularizationBox;
    @FXML private ComboBox<Double> regularizationRateBox;
    @FXML private Slider batchSlider;
    @FXML private Label batchValue;
    @FXML private Label shapeLabel;
    @FXML private NetworkDiagram diagram;
    @FXML private VBox inspector;
    @FXML private Label paramTitle;
    @FXML private Label paramDetail;
    @FXML private Label paramValue;
    @FXML private Label paramGradient;
    @FXML private Label paramUpdate;
    @FXML private Button explainButton;
    @FXML private Label explainErrorLabel;
    @FXML private Label accuracyLabel;
    @FXML private BoundaryView boundaryView;
    @FXML private Label negativeLegend;
    @FXML private Label positiveLegend;
    @FXML private CheckBox showTestBox;
    @FXML private Label testLossLabel;
    @FXML private Label trainLossLabel;
    @FXML private LossPlot lossPlot;

    private Map<Playground.Feature, CheckBox> featureBoxes;

    public PlaygroundTabController(PlaygroundTabModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        featureBoxes = Map.of(Playground.Feature.X1, featureX1, Playground.Feature.X2, featureX2,
                Playground.Feature.X1_SQUARED, featureX1Squared, Playground.Feature.X2_SQUARED, featureX2Squared,
                Playground.Feature.X1_TIMES_X2, featureX1TimesX2, Playground.Feature.SIN_X1, featureSinX1,
                Playground.Feature.SIN_X2, featureSinX2);
        fillChoices();
        bindControls();
        bindRun();
        diagram.setActions(new NetworkDiagram.Actions() {
            @Override public void select(ParamRef ref) { model.select(ref); }
            @Override public void addNeuron(int layer) { model.addNeuron(layer); }
            @Override public void removeNeuron(int layer) { model.removeNeuron(layer); }
        }, resources);
        diagram.addEventHandler(KeyEvent.KEY_PRESSED, this::diagramKey);
        lossPlot.setEmptyText(text("playground.loss.empty"));
        watch(model.settingsProperty(), s -> showSettings());
        watch(model.dataProperty(), d -> showSettings());
        watch(model.dataErrorProperty(), this::showDataError);
        watch(model.frameProperty(), this::showFrame);
        watch(model.selectedProperty(), r -> showSelection());
        watch(model.explainErrorProperty(), e -> {
            explainErrorLabel.setText(PlaygroundTabModel.STEPPER_BUSY.equals(e) ? text(e) : e);
            explainErrorLabel.setVisible(!e.isEmpty());
            explainErrorLabel.setManaged(!e.isEmpty());
        });
        showTestBox.selectedProperty().addListener((o, a, b) -> showFrame(model.frameProperty().get()));
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
        speedBox.getItems().setAll(PlaygroundTabModel.SPEEDS);
        speedBox.setConverter(converter(v -> v == PlaygroundRun.FASTEST ? text("playground.speed.fastest")
                : format("playground.speed.value", v)));
        shapeBox.getItems().setAll(ToyData.Kind.values());
        shapeBox.setConverter(converter(k -> text("playground.shape." + k.id())));
        activationBox.getItems().setAll(Activation.Kind.values());
        activationBox.setConverter(converter(k -> text("playground.activation." + k.id())));
        problemBox.getItems().setAll(Playground.Problem.values());
        problemBox.setConverter(converter(p -> text("playground.problem." + p.name().toLowerCase(Locale.ROOT))));
        learningRateBox.getItems().setAll(PlaygroundSettings.LEARNING_RATES);
        learningRateBox.setConverter(converter(PlaygroundTabController::number));
        regularizationBox.getItems().setAll(PlaygroundSettings.REGULARIZATIONS);
        regularizationBox.setConverter(converter(r -> text("playground.regularization." + r)));
        regularizationRateBox.getItems().setAll(PlaygroundSettings.REGULARIZATION_RATES);
        regularizationRateBox.setConverter(converter(PlaygroundTabController::number));
        featureBoxes.forEach((f, box) -> box.setText(f.symbol()));
    }

    private void bindControls() {
        watch(model.speedProperty(), v -> speedBox.setValue(v.intValue()));
        speedBox.setOnAction(e -> {
            if (speedBox.getValue() != null) {
                model.speedProperty().set(speedBox.getValue());
            }
        });
        onChoice(shapeBox, model::setShape);
        onChoice(activationBox, model::setActivation);
        onChoice(problemBox, model::setProblem);
        onChoice(learningRateBox, model::setLearningRate);
        onChoice(regularizationBox, model::setRegularization);
        onChoice(regularizationRateBox, model::setRegularizationRate);
        onSlide(noiseSlider, v -> model.setNoise(v / 100));
        onSlide(trainSlider, v -> model.setTrainShare(v / 100));
        onSlide(batchSlider, v -> model.setBatchSize((int) Math.round(v)));
        noiseSlider.valueProperty().addListener((o, a, b) -> noiseValue.setText(Math.round(b.doubleValue()) + "%"));
        trainSlider.valueProperty().addListener((o, a, b) -> trainValue.setText(Math.round(b.doubleValue()) + "%"));
        batchSlider.valueProperty().addListener((o, a, b) -> batchValue.setText(Long.toString(Math.round(b.doubleValue()))));
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
            shapeBox.setValue(d != null && d.fromFile() ? null : s.shape());
            noiseSlider.setValue(Math.round(s.noise() * 100));
            noiseSlider.setDisable(d != null && d.fromFile());
            trainSlider.setValue(Math.round(s.trainShare() * 100));
            batchSlider.setValue(s.batchSize());
            activationBox.setValue(s.activation());
            problemBox.setValue(s.problem());
            learningRateBox.setValue(s.learningRate());
            regularizationBox.setValue(s.regularization());
            regularizationRateBox.setValue(s.regularizationRate());
            regularizationRateBox.setDisable("none".equals(s.regularization()));
            featureBoxes.forEach((f, box) -> box.setSelected(s.features().contains(f)));
        } finally {
            showing = false;
        }
        noiseValue.setText(Math.round(s.noise() * 100) + "%");
        trainValue.setText(Math.round(s.trainShare() * 100) + "%");
        batchValue.setText(Integer.toString(s.batchSize()));
        seedValue.setText(Long.toString(s.seed()));
        layersValue.setText(Integer.toString(s.hidden().size()));
        addLayerButton.setDisable(s.hidden().size() >= PlaygroundSettings.MAX_LAYERS);
        removeLayerButton.setDisable(s.hidden().isEmpty());
        StringBuilder shape = new StringBuilder();
        for (int size : s.sizes()) {
            shape.append(shape.length() == 0 ? "" : " – ").append(size);
        }
        shapeLabel.setText(s.hidden().isEmpty() ? shape.toString()
                : shape + " · " + text("playground.activation." + s.activation().id()));
        if (d != null) {
            String from = d.fromFile() ? format("playground.source.file", d.source())
                    : text("playground.shape." + d.source());
            sourceLabel.setText(format("playground.source", from, d.train().size(), d.test().size()));
            boolean classes = s.problem() == Playground.Problem.CLASSIFICATION;
            negativeLegend.setText(classes ? text("playground.legend.class0")
                    : format("playground.legend.low", Numbers.significant(d.labelMin(), 3)));
            positiveLegend.setText(classes ? text("playground.legend.class1")
                    : format("playground.legend.high", Numbers.significant(d.labelMax(), 3)));
        }
        boolean problem = !model.canTrainBinding().get();
        dataProblemLabel.setText(problem ? text("playground.data.notBinary") : "");
        dataProblemLabel.setVisible(problem);
        dataProblemLabel.setManaged(problem);
    }

    private void showDataError(String error) {
        dataErrorLabel.setText(error.isEmpty() ? "" : format("playground.load.failed", error));
        dataErrorBox.setVisible(!error.isEmpty());
        dataErrorBox.setManaged(!error.isEmpty());
    }

    // ---- the run ----

    private void bindRun() {
        playButton.disableProperty().bind(model.canTrainBinding().not());
        stepButton.disableProperty().bind(model.playingProperty().or(model.canTrainBinding().not()));
        watch(model.playingProperty(), playing -> {
            playButton.setText(text(playing ? "playground.pause" : "playground.play"));
            playIcon.setIconLiteral(playing ? "mdi2p-pause" : "mdi2p-play");
            playTooltip.setText(text(playing ? "playground.pause.tip" : "playground.play.tip"));
        });
    }

    private void showFrame(PlaygroundRun.Frame f) {
        if (f == null) {
            epochLabel.setText(Format.epoch(0));
            return;
        }
        boolean classes = f.network().problem() == Playground.Problem.CLASSIFICATION;
        boundaryView.show(f.boundary());
        boundaryView.showPoints(f.data(), classes, showTestBox.isSelected());
        diagram.show(f);
        epochLabel.setText(Format.epoch(f.epoch()));
        int epochs = f.trainLoss().count();
        lossPlot.show(f.trainLoss(), f.testLoss(), epochs);
        testLossLabel.setText(format("playground.loss.test", Format.loss(epochs == 0 ? Double.NaN : f.testLoss().last())));
        trainLossLabel.setText(format("playground.loss.train",
                Format.loss(epochs == 0 ? Double.NaN : f.trainLoss().last())));
        accuracyLabel.setText(classes ? format("playground.accuracy", Format.percent(f.accuracy()))
                : text("playground.regression.caption"));
        showSelection();
    }

    private void showSelection() {
        ParamRef ref = model.selectedProperty().get();
        PlaygroundRun.Frame f = model.frameProperty().get();
        boolean known = ref != null && f != null && ref.fits(f.network().sizes());
        diagram.setSelected(known ? ref : null);
        explainButton.setDisable(!known);
        if (!known) {
            paramTitle.setText(text("playground.param.none"));
            paramDetail.setText(text("playground.param.none.detail"));
            paramValue.setText(Format.NONE);
            paramGradient.setText(Format.NONE);
            paramUpdate.setText(Format.NONE);
            return;
        }
        NetworkSnapshot net = f.network();
        paramTitle.setText(format(ref.isBias() ? "playground.param.bias" : "playground.param.weight", ref.label()));
        int last = net.layers() - 1;
        String to = ref.layer() == last ? text("playground.param.output")
                : format("playground.param.neuron", ref.layer() + 1, ref.to() + 1);
        String from = ref.isBias() ? null : ref.layer() == 0
                ? format("playground.param.feature", net.features().get(ref.from()).symbol())
                : format("playground.param.neuron", ref.layer(), ref.from() + 1);
        paramDetail.setText(ref.isBias() ? format("playground.param.bias.detail", to)
                : format("playground.param.weight.detail", from, to));
        paramValue.setText(Format.number(net.value(ref)));
        paramGradient.setText(f.epoch() == 0 && net.gradient(ref) == 0 ? Format.NONE : Format.number(net.gradient(ref)));
        paramUpdate.setText(Format.number(net.update(ref)));
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
