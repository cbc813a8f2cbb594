package org.backproplab.ui.mnist;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Schedule;
import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.ChartExport;
import org.backproplab.ui.Format;
import org.backproplab.ui.ViewListeners;

/**
 * The controller of {@code mnist-tab.fxml}: binds the nodes to the {@link MnistTabModel} and forwards the buttons
 * and the drawing pad to its commands. It listens to the model weakly, so a view dropped by a language switch is
 * collected while the model (and a run) carries on.
 */
public final class MnistTabController {

    private final MnistTabModel model;
    /** The listeners this view registered weakly on the model, held as long as the view. */
    private final ViewListeners listeners = new ViewListeners();

    @FXML private ResourceBundle resources;
    @FXML private ComboBox<Preset> presetBox;
    @FXML private TextField layersField;
    @FXML private ComboBox<Activation.Kind> activationBox;
    @FXML private TextField dropoutField;
    @FXML private CheckBox batchNormBox;
    @FXML private ComboBox<OptimizerKind> optimizerBox;
    @FXML private TextField learningRateField;
    @FXML private ComboBox<Schedule> scheduleBox;
    @FXML private TextField batchSizeField;
    @FXML private TextField epochsField;
    @FXML private GridPane networkForm;
    @FXML private GridPane trainingForm;
    @FXML private Label problemLabel;
    @FXML private Button startButton;
    @FXML private Button codeButton;
    @FXML private Button batchButton;
    @FXML private Label stepBatchNote;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Button saveModelButton;
    @FXML private Button openModelButton;
    @FXML private Label modelNote;
    @FXML private Label runStatusLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label lossValue;
    @FXML private Label accuracyValue;
    @FXML private Label speedValue;
    @FXML private Label etaValue;
    @FXML private Label imagesValue;
    @FXML private HBox banner;
    @FXML private Label bannerTitle;
    @FXML private Label bannerDetail;
    @FXML private TabPane views;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private NumberAxis lossX;
    @FXML private NumberAxis lossY;
    @FXML private LineChart<Number, Number> accuracyChart;
    @FXML private NumberAxis accuracyX;
    @FXML private NumberAxis accuracyY;
    @FXML private Label confusionCaption;
    @FXML private ConfusionMatrixView confusionView;
    @FXML private Label worstLabel;
    @FXML private Label digitsTitle;
    @FXML private Label digitsCaption;
    @FXML private DigitGrid digitGrid;
    @FXML private Label gradientCaption;
    @FXML private ImageView selectedDigitImage;
    @FXML private ImageView gradientImage;
    @FXML private ImageView gradientLegend;
    @FXML private Label weightsCaption;
    @FXML private WeightsGrid weightsGrid;
    @FXML private ImageView weightsLegend;
    @FXML private DrawingPad drawingPad;
    @FXML private ImageView drawnInputImage;
    @FXML private Label verdictLabel;
    @FXML private ProbabilityBars probabilityBars;
    @FXML private javafx.scene.control.Slider fgsmSlider;
    @FXML private Label fgsmEpsilonValue;
    @FXML private Button fgsmButton;
    @FXML private ImageView fgsmOriginalImage;
    @FXML private Label fgsmOriginalCaption;
    @FXML private ProbabilityBars fgsmBefore;
    @FXML private ImageView fgsmAdversarialImage;
    @FXML private Label fgsmAdversarialCaption;
    @FXML private ProbabilityBars fgsmAfter;
    @FXML private Label fgsmNote;
    @FXML private TextField batchSizesField;
    @FXML private TextField batchSecondsField;
    @FXML private Button batchCompareButton;
    @FXML private Button batchCancelButton;
    @FXML private ProgressBar batchProgress;
    @FXML private Label batchNote;
    @FXML private LineChart<Number, Number> batchSecondsChart;
    @FXML private LineChart<Number, Number> batchEpochsChart;
    @FXML private GridPane batchTable;

    private ModelFileCommands modelFiles;

    public MnistTabController(MnistTabModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        modelFiles = new ModelFileCommands(model, resources,
                () -> startButton.getScene() == null ? null : startButton.getScene().getWindow(), text -> {
                    modelNote.setText(text);
                    modelNote.setVisible(!text.isEmpty());
                    modelNote.setManaged(!text.isEmpty());
                });
        bindForm();
        bindRun();
        new AttackCard(model, resources, new AttackCard.Nodes(fgsmSlider, fgsmEpsilonValue, fgsmButton, fgsmOriginalImage,
                fgsmOriginalCaption, fgsmBefore, fgsmAdversarialImage, fgsmAdversarialCaption, fgsmAfter, fgsmNote),
                listeners);
        new BatchSizeView(model, resources, new BatchSizeView.Nodes(batchSizesField, batchSecondsField,
                batchCompareButton, batchCancelButton, batchProgress, batchNote, batchSecondsChart, batchEpochsChart,
                batchTable), listeners);
        new ProgressCharts(model, resources, listeners).bind(lossChart, lossX, lossY, accuracyChart, accuracyX,
                accuracyY);
        bindInspection();
        bindDrawing();
        ChartExport.install(lossChart, resources, "mnist-loss", model::batchTable);
        ChartExport.install(accuracyChart, resources, "mnist-epochs", model::epochTable);
        ChartExport.install(confusionView, resources, "mnist-confusion", model::confusionTable);
        ChartExport.install(weightsGrid, resources, "mnist-weights", null);
        ChartExport.install(probabilityBars, resources, "mnist-probabilities", model::probabilityTable);
        views.getSelectionModel().select(model.selectedViewProperty().get().ordinal());
        views.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> model.selectedViewProperty()
                .set(MnistTabModel.View.values()[b.intValue()]));
    }

    // ---- commands ----

    // The focus goes to the button that undoes what was just done (Space pauses what Start began, and so on), and
    // leaves a text field of the form, which training disables: a caret left blinking there keeps the toolkit pulsing.
    @FXML private void start() { model.start(); focusLater(pauseButton); }
    @FXML private void pause() { model.pause(); focusLater(resumeButton); }
    @FXML private void resume() { model.resume(); focusLater(pauseButton); }

    /** Focuses {@code button} once the run's state has shown or hidden it. */
    private static void focusLater(Button button) {
        javafx.application.Platform.runLater(() -> {
            if (button.isVisible() && !button.isDisabled()) {
                button.requestFocus();
            }
        });
    }
    @FXML private void stop() { model.stop(); }
    @FXML private void saveModel() { modelFiles.save(); }
    @FXML private void openModel() { modelFiles.open(); }

    /** Show as code: the form's settings as Keras and PyTorch code; off while a field is wrong. */
    @FXML
    private void showCode() {
        TrainingConfig config = model.form().config();
        if (config != null) {
            CodeDialog.show(startButton.getScene() == null ? null : startButton.getScene().getWindow(), config, resources);
        }
    }
    /** Step through one batch: opened in the step-through view, or why not under the button. */
    @FXML
    private void stepThroughBatch() {
        BatchLessons.Refused refused = model.stepThroughBatch();
        stepBatchNote.setText(refused == null ? "" : refused.message(resources));
        stepBatchNote.setVisible(refused != null);
        stepBatchNote.setManaged(refused != null);
    }
    @FXML private void previousDigits() { model.turnDigitPage(-1); }
    @FXML private void nextDigits() { model.turnDigitPage(1); }
    @FXML private void clearDrawing() { model.clearDrawing(); }

    // ---- the form ----

    private void bindForm() {
        presetBox.getItems().setAll(Preset.values());
        presetBox.setConverter(converter(p -> text(p.key())));
        presetBox.valueProperty().bindBidirectional(model.form().presetProperty());
        activationBox.getItems().setAll(Activation.Kind.values());
        activationBox.setConverter(converter(k -> text("mnist.activation." + k.id())));
        activationBox.valueProperty().bindBidirectional(model.form().activationProperty());
        optimizerBox.getItems().setAll(Settings.OPTIMIZERS);
        optimizerBox.setConverter(converter(kind -> text("mnist.optimizer." + kind.id())));
        optimizerBox.valueProperty().bindBidirectional(model.form().optimizerProperty());
        scheduleBox.getItems().setAll(Settings.SCHEDULES);
        scheduleBox.setConverter(converter(schedule -> text("mnist.schedule." + schedule.id())));
        scheduleBox.valueProperty().bindBidirectional(model.form().scheduleProperty());
        layersField.textProperty().bindBidirectional(model.form().layersProperty());
        dropoutField.textProperty().bindBidirectional(model.form().dropoutProperty());
        batchNormBox.selectedProperty().bindBidirectional(model.form().batchNormProperty());
        learningRateField.textProperty().bindBidirectional(model.form().learningRateProperty());
        batchSizeField.textProperty().bindBidirectional(model.form().batchSizeProperty());
        epochsField.textProperty().bindBidirectional(model.form().epochsProperty());
        networkForm.disableProperty().bind(model.trainingBinding());
        trainingForm.disableProperty().bind(model.trainingBinding());
        Map<Settings.Field, TextField> fields = Map.of(Settings.Field.LAYERS, layersField, Settings.Field.DROPOUT,
                dropoutField, Settings.Field.LEARNING_RATE, learningRateField, Settings.Field.BATCH_SIZE, batchSizeField,
                Settings.Field.EPOCHS, epochsField);
        listeners.watch(model.form().problemProperty(), problem -> {
            fields.values().forEach(f -> f.getStyleClass().remove("invalid"));
            problemLabel.setText(problem == null ? "" : MessageFormat.format(text(problem.key()), problem.args()));
            problemLabel.setVisible(problem != null);
            problemLabel.setManaged(problem != null);
            if (problem != null) {
                fields.get(problem.field()).getStyleClass().add("invalid");
            }
        });
    }

    // ---- the run ----

    private void bindRun() {
        startButton.disableProperty().bind(model.canStartBinding().not());
        codeButton.disableProperty().bind(model.form().problemProperty().isNotNull());
        batchButton.disableProperty().bind(model.dataStateProperty().isNotEqualTo(BackgroundLoad.State.READY));
        stopButton.disableProperty().bind(model.trainingBinding().not());
        saveModelButton.disableProperty().bind(model.hasModelProperty().not());
        openModelButton.disableProperty().bind(model.trainingBinding());
        listeners.watch(model.runStateProperty(), state -> {
            boolean paused = state == MnistTabModel.RunState.PAUSED;
            pauseButton.setDisable(state != MnistTabModel.RunState.RUNNING);
            pauseButton.setVisible(!paused);
            pauseButton.setManaged(!paused);
            resumeButton.setVisible(paused);
            resumeButton.setManaged(paused);
        });
        listeners.watch(List.of(model.dataStateProperty(), model.runStateProperty(), model.progressProperty(),
                model.runErrorProperty(), model.dataErrorProperty(), model.openedModelProperty(),
                model.testingModelProperty()), this::showStatus);
        listeners.watch(List.of(model.progressProperty(), model.lossProperty(), model.testAccuracyProperty(),
                model.trainingImagesProperty(), model.runStateProperty()), this::showFigures);
    }

    private void showStatus() {
        Trainer.BatchProgress p = model.progressProperty().get();
        String status = switch (model.dataStateProperty().get()) {
            case NOT_LOADED, LOADING -> text("mnist.status.loading");
            case FAILED -> text("mnist.status.noData");
            case READY -> switch (model.runStateProperty().get()) {
                case IDLE -> model.openedModelProperty().get().isEmpty() ? text("mnist.status.ready") : openedStatus();
                case RUNNING -> p == null ? text("mnist.status.starting")
                        : format("mnist.status.running", p.epoch(), p.epochs(), p.batch(), p.batches());
                case PAUSED -> p == null ? text("mnist.status.starting")
                        : format("mnist.status.paused", p.epoch(), p.epochs(), p.batch(), p.batches());
                case FINISHED -> format("mnist.status.finished", p == null ? 0 : p.epochs());
                case STOPPED -> p == null ? text("mnist.status.stoppedEarly")
                        : format("mnist.status.stopped", p.epoch(), p.batch(), p.batches());
                case FAILED -> text("mnist.status.failed");
            };
        };
        if (model.dataStateProperty().get() == BackgroundLoad.State.FAILED
                && !model.openedModelProperty().get().isEmpty()) {
            status = openedStatus(); // no test images, but the drawing pad and the weights show the model
        }
        runStatusLabel.setText(status);
        boolean noData = model.dataStateProperty().get() == BackgroundLoad.State.FAILED;
        boolean failed = model.runStateProperty().get() == MnistTabModel.RunState.FAILED;
        banner.setVisible(noData || failed);
        banner.setManaged(noData || failed);
        if (noData) {
            bannerTitle.setText(text("mnist.banner.noData"));
            bannerDetail.setText(format("mnist.banner.noData.detail", model.dataErrorProperty().get(),
                    model.dataDirectory().toAbsolutePath().normalize()));
        } else if (failed) {
            bannerTitle.setText(text("mnist.banner.failed"));
            bannerDetail.setText(model.runErrorProperty().get());
        }
    }

    private String openedStatus() {
        var weights = model.shownWeights();
        String layers = weights == null ? "" : weights.config().layerList().replace(',', '-');
        return format(model.testingModelProperty().get() ? "model.status.testing" : "model.status.opened",
                model.openedModelProperty().get(), layers);
    }

    private void showFigures() {
        Trainer.BatchProgress p = model.progressProperty().get();
        MnistTabModel.RunState state = model.runStateProperty().get();
        boolean live = state == MnistTabModel.RunState.RUNNING || state == MnistTabModel.RunState.PAUSED;
        double done = p == null ? 0 : (p.epoch() - 1 + (double) p.batch() / p.batches()) / p.epochs();
        progressBar.setProgress(state == MnistTabModel.RunState.FINISHED ? 1 : done);
        lossValue.setText(Format.fixed(model.lossProperty().get(), 4));
        accuracyValue.setText(Format.percent(model.testAccuracyProperty().get(), 2));
        speedValue.setText(p == null ? Format.NONE : format("mnist.stat.speed.value", Format.count(p.samplesPerSecond())));
        etaValue.setText(p == null || !live ? Format.NONE : Format.duration(p.etaSeconds()));
        int images = model.trainingImagesProperty().get();
        imagesValue.setText(images == 0 ? Format.NONE : Format.count(images));
    }

    // ---- test digits, gradient, weights ----

    private void bindInspection() {
        digitGrid.setOnSelect(model::selectDigit);
        listeners.watch(List.of(model.digitsProperty(), model.selectedDigitProperty(), model.hasModelProperty()), () -> {
            List<MnistTabModel.DigitCell> cells = model.digitsProperty().get();
            digitGrid.show(cells, model.selectedDigitProperty().get(), resources);
            int from = cells.isEmpty() ? 0 : cells.get(0).index() + 1;
            int to = cells.isEmpty() ? 0 : cells.get(cells.size() - 1).index() + 1;
            digitsTitle.setText(format("mnist.digits.title", from, to));
            long wrong = cells.stream().filter(MnistTabModel.DigitCell::wrong).count();
            digitsCaption.setText(!model.hasModelProperty().get() ? text("mnist.digits.caption.untrained")
                    : format("mnist.digits.caption", wrong, cells.size()));
        });
        gradientLegend.setImage(PixelImages.divergingLegend(212, 10));
        listeners.watch(List.of(model.gradientProperty(), model.selectedDigitProperty(), model.dataStateProperty()),
                this::showGradient);
        weightsLegend.setImage(PixelImages.divergingLegend(200, 10));
        listeners.watch(List.of(model.weightsProperty(), model.firstLayerUnitsProperty()), () -> {
            List<float[]> units = model.weightsProperty().get();
            weightsGrid.show(units, resources);
            weightsCaption.setText(units.isEmpty() ? text("mnist.weights.caption.untrained")
                    : format("mnist.weights.caption", units.size(), model.firstLayerUnitsProperty().get()));
        });
        listeners.watch(model.confusionProperty(), m -> {
            confusionView.show(m, resources);
            confusionCaption.setText(m == null ? text("mnist.confusion.empty")
                    : format("mnist.confusion.caption", Format.count(m.total()), Format.percent(m.accuracy(), 2)));
            ConfusionMatrix.Confusion worst = m == null ? null : m.worst();
            worstLabel.setText(worst == null ? "" : format("mnist.confusion.worst", worst.count(), worst.truth(),
                    worst.predicted()));
        });
    }

    private void showGradient() {
        int i = model.selectedDigitProperty().get();
        boolean ready = model.dataStateProperty().get() == BackgroundLoad.State.READY && i >= 0;
        selectedDigitImage.setImage(ready ? PixelImages.image(ColorMap.inkImage(model.testPixels(i)), 28, 1) : null);
        float[] g = model.gradientProperty().get();
        gradientImage.setImage(PixelImages.image(ColorMap.heatImage(g == null ? new float[784] : g), 28, 1));
        gradientCaption.setText(!ready ? "" : g == null ? format("mnist.gradient.caption.untrained", i + 1,
                model.testLabel(i)) : format("mnist.gradient.caption", i + 1, model.testLabel(i),
                String.format(java.util.Locale.ROOT, "%.2g", ColorMap.maxAbs(g))));
    }

    // ---- drawing ----

    private void bindDrawing() {
        drawingPad.setOnStroke(model::stroke);
        drawingPad.setOnClear(model::clearDrawing);
        listeners.watch(model.sketchVersionProperty(), v -> drawingPad.paint(model.sketch()));
        listeners.watch(model.drawnInputProperty(), x -> drawnInputImage.setImage(PixelImages.image(ColorMap.inkImage(x), 28, 4)));
        listeners.watch(List.of(model.drawnProbabilitiesProperty(), model.hasModelProperty(), model.sketchVersionProperty()), () -> {
            double[] p = model.drawnProbabilitiesProperty().get();
            probabilityBars.show(p);
            if (p == null) {
                verdictLabel.setText(text(model.hasModelProperty().get() ? "mnist.draw.verdict.empty"
                        : "mnist.draw.verdict.untrained"));
            } else {
                int best = 0;
                for (int d = 1; d < p.length; d++) {
                    best = p[d] > p[best] ? d : best;
                }
                verdictLabel.setText(format("mnist.draw.verdict", best, Format.percent(p[best], 2)));
            }
        });
    }

    // ---- helpers ----

    private String text(String key) {
        return resources.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(resources.getString(key), args);
    }

    private <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
