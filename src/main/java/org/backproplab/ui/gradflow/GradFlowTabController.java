package org.backproplab.ui.gradflow;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import org.backproplab.files.CsvTable;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Initializer;
import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.ChartExport;
import org.backproplab.ui.Styles;
import org.backproplab.ui.ViewListeners;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controller of {@code gradflow-tab.fxml}: binds the form to the {@link GradFlowTabModel}'s {@link LabForm},
 * forwards the buttons to its commands, and draws what the model measured into the view in sight (the others catch
 * up when shown). Configuration A is the left column of every view and B, when comparing, the right. It listens to
 * the model weakly, so a view dropped by a language switch is collected while the model (and a run) carries on.
 */
public final class GradFlowTabController {

    private final GradFlowTabModel model;
    /** The listeners this view registered weakly on the model, held as long as the view. */
    private final ViewListeners listeners = new ViewListeners();
    /** Configuration A's column and B's. */
    private List<RunColumn> columns;

    @FXML private ResourceBundle resources;
    @FXML private ComboBox<Dataset> gfDatasetBox;
    @FXML private TextField gfBatchSizeField;
    @FXML private TextField gfSeedField;
    @FXML private CheckBox gfCompareBox;
    @FXML private ComboBox<ComparePreset> gfPresetBox;
    @FXML private GridPane gfConfigForm;
    @FXML private ColumnConstraints gfFormColumnB;
    @FXML private Label gfBadgeB;
    @FXML private Spinner<Integer> gfDepthA;
    @FXML private Spinner<Integer> gfDepthB;
    @FXML private Spinner<Integer> gfWidthA;
    @FXML private Spinner<Integer> gfWidthB;
    @FXML private ComboBox<Activation.Kind> gfActivationA;
    @FXML private ComboBox<Activation.Kind> gfActivationB;
    @FXML private ComboBox<Initializer.Scheme> gfInitA;
    @FXML private ComboBox<Initializer.Scheme> gfInitB;
    @FXML private CheckBox gfBatchNormA;
    @FXML private CheckBox gfBatchNormB;
    @FXML private ComboBox<Clipping.Mode> gfClipA;
    @FXML private ComboBox<Clipping.Mode> gfClipB;
    @FXML private TextField gfClipThresholdA;
    @FXML private TextField gfClipThresholdB;
    @FXML private ComboBox<OptimizerKind> gfOptimizerA;
    @FXML private ComboBox<OptimizerKind> gfOptimizerB;
    @FXML private TextField gfLearningRateA;
    @FXML private TextField gfLearningRateB;
    @FXML private Label gfProblemLabel;
    @FXML private Button gfPlayButton;
    @FXML private Button gfPauseButton;
    @FXML private Button gfStepButton;
    @FXML private Button gfResetButton;
    @FXML private ComboBox<Pace> gfPaceBox;
    @FXML private Label gfRunStatusLabel;
    @FXML private Label gfSpeedLabel;
    @FXML private HBox gfBanner;
    @FXML private FontIcon gfBannerIcon;
    @FXML private Label gfBannerTitle;
    @FXML private Label gfBannerDetail;
    @FXML private GridPane gfRunHeaders;
    @FXML private HBox gfRunHeaderA;
    @FXML private HBox gfRunHeaderB;
    @FXML private Label gfRunTitleA;
    @FXML private Label gfRunTitleB;
    @FXML private Label gfRunFiguresA;
    @FXML private Label gfRunFiguresB;
    @FXML private Button gfOpenA;
    @FXML private Button gfOpenB;
    @FXML private Tooltip gfOpenTipA;
    @FXML private Tooltip gfOpenTipB;
    @FXML private TabPane gfViews;
    @FXML private GridPane gfGradientsGrid;
    @FXML private GridPane gfDerivativesGrid;
    @FXML private GridPane gfUpdatesGrid;
    @FXML private GridPane gfActivationsGrid;
    @FXML private GridPane gfLossGrid;
    @FXML private LayerBars gfGradBarsA;
    @FXML private LayerBars gfGradBarsB;
    @FXML private LayerBars gfDerivBarsA;
    @FXML private LayerBars gfDerivBarsB;
    @FXML private Label gfDerivNoteA;
    @FXML private Label gfDerivNoteB;
    @FXML private LayerBars gfFactorBarsA;
    @FXML private LayerBars gfFactorBarsB;
    @FXML private HeatMapView gfHeatA;
    @FXML private HeatMapView gfHeatB;
    @FXML private LayerBars gfRatioBarsA;
    @FXML private LayerBars gfRatioBarsB;
    @FXML private LineChart<Number, Number> gfNormChartA;
    @FXML private LineChart<Number, Number> gfNormChartB;
    @FXML private HistogramStack gfHistogramsA;
    @FXML private HistogramStack gfHistogramsB;
    @FXML private LineChart<Number, Number> gfLossChartA;
    @FXML private LineChart<Number, Number> gfLossChartB;

    public GradFlowTabController(GradFlowTabModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bindViews();
        bindForm();
        bindRun();
    }

    // ---- commands ----

    @FXML private void play() { model.play(); }
    @FXML private void pause() { model.pause(); }
    @FXML private void step() { model.step(); }
    @FXML private void reset() { model.reset(); }
    @FXML private void openA() { model.openInStepThrough(0); }
    @FXML private void openB() { model.openInStepThrough(1); }

    // ---- the form ----

    private void bindForm() {
        LabForm form = model.form();
        choices(gfDatasetBox, List.of(Dataset.values()), d -> text(d.key()));
        gfDatasetBox.valueProperty().bindBidirectional(form.datasetProperty());
        gfBatchSizeField.textProperty().bindBidirectional(form.batchSizeProperty());
        gfSeedField.textProperty().bindBidirectional(form.seedProperty());
        gfCompareBox.selectedProperty().bindBidirectional(form.compareProperty());
        choices(gfPresetBox, List.of(ComparePreset.values()), p -> text(p.key()));
        gfPresetBox.valueProperty().bindBidirectional(form.presetProperty());
        gfPresetBox.disableProperty().bind(gfCompareBox.selectedProperty().not());
        bindSide(form.a(), gfDepthA, gfWidthA, gfActivationA, gfInitA, gfBatchNormA, gfClipA, gfClipThresholdA,
                gfOptimizerA, gfLearningRateA);
        bindSide(form.b(), gfDepthB, gfWidthB, gfActivationB, gfInitB, gfBatchNormB, gfClipB, gfClipThresholdB,
                gfOptimizerB, gfLearningRateB);
        listeners.watch(form.compareProperty(), this::showCompare);
        listeners.watch(form.problemProperty(), problem -> {
            for (TextField f : List.of(gfBatchSizeField, gfSeedField, gfLearningRateA, gfLearningRateB,
                    gfClipThresholdA, gfClipThresholdB)) {
                f.getStyleClass().remove(Styles.INVALID);
            }
            gfProblemLabel.setVisible(problem != null);
            gfProblemLabel.setManaged(problem != null);
            if (problem == null) {
                gfProblemLabel.setText("");
                return;
            }
            String what = MessageFormat.format(text(problem.key()), problem.args());
            gfProblemLabel.setText(problem.run() < 0 ? what : format("gradflow.error.in", letter(problem.run()), what));
            boolean a = problem.run() <= 0;
            TextField field = switch (problem.field()) {
                case BATCH_SIZE -> gfBatchSizeField;
                case SEED -> gfSeedField;
                case LEARNING_RATE -> a ? gfLearningRateA : gfLearningRateB;
                case CLIP_THRESHOLD -> a ? gfClipThresholdA : gfClipThresholdB;
            };
            field.getStyleClass().add(Styles.INVALID);
        });
    }

    private void bindSide(LabForm.Side side, Spinner<Integer> depth, Spinner<Integer> width,
                          ComboBox<Activation.Kind> activation, ComboBox<Initializer.Scheme> init, CheckBox batchNorm,
                          ComboBox<Clipping.Mode> clip, TextField threshold, ComboBox<OptimizerKind> optimizer, TextField rate) {
        depth.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(FlowSettings.MIN_DEPTH,
                FlowSettings.MAX_DEPTH, side.depthProperty().get()));
        depth.getValueFactory().valueProperty().bindBidirectional(side.depthProperty());
        width.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(FlowSettings.MIN_WIDTH,
                FlowSettings.MAX_WIDTH, side.widthProperty().get(), 8));
        width.getValueFactory().valueProperty().bindBidirectional(side.widthProperty());
        choices(activation, List.of(Activation.Kind.values()), k -> text("gradflow.activation." + k.id()));
        activation.valueProperty().bindBidirectional(side.activationProperty());
        choices(init, FlowSettings.INITS, s -> text("gradflow.init." + s.id()));
        init.valueProperty().bindBidirectional(side.initProperty());
        batchNorm.selectedProperty().bindBidirectional(side.batchNormProperty());
        choices(clip, FlowSettings.CLIPS, mode -> text("gradflow.clip." + mode.id()));
        clip.valueProperty().bindBidirectional(side.clipProperty());
        threshold.textProperty().bindBidirectional(side.clipThresholdProperty());
        threshold.disableProperty().bind(side.clipProperty().isEqualTo(Clipping.Mode.NONE));
        choices(optimizer, FlowSettings.OPTIMIZERS, kind -> text("gradflow.optimizer." + kind.id()));
        optimizer.valueProperty().bindBidirectional(side.optimizerProperty());
        rate.textProperty().bindBidirectional(side.learningRateProperty());
    }

    /** B's column of the form, of the run headers and of every view, shown or not. */
    private void showCompare(boolean on) {
        for (Node n : gfConfigForm.getChildren()) {
            Integer column = GridPane.getColumnIndex(n);
            if (column != null && column == 2) {
                show(n, on);
            }
        }
        gfFormColumnB.setPrefWidth(on ? 110 : 0);
        gfFormColumnB.setMaxWidth(on ? Double.MAX_VALUE : 0);
        for (GridPane grid : List.of(gfRunHeaders, gfGradientsGrid, gfDerivativesGrid, gfUpdatesGrid, gfActivationsGrid, gfLossGrid)) {
            grid.getColumnConstraints().get(0).setPercentWidth(on ? 50 : 100);
            grid.getColumnConstraints().get(1).setPercentWidth(on ? 50 : 0);
            for (Node n : grid.getChildren()) {
                Integer column = GridPane.getColumnIndex(n);
                Integer span = GridPane.getColumnSpan(n);
                if (column != null && column == 1 && (span == null || span == 1)) {
                    show(n, on);
                }
            }
        }
        show(gfBadgeB, on);
        // Two headers side by side: the button shows its icon only, and its tooltip says what it does.
        for (Button open : List.of(gfOpenA, gfOpenB)) {
            open.setContentDisplay(on ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
        }
    }

    // ---- the run ----

    private void bindRun() {
        choices(gfPaceBox, List.of(Pace.values()), p -> text(p.key()));
        gfPaceBox.valueProperty().bindBidirectional(model.paceProperty());
        gfPlayButton.disableProperty().bind(model.canPlayBinding().not());
        gfStepButton.disableProperty().bind(model.canPlayBinding().not());
        listeners.watch(model.runStateProperty(), state -> {
            boolean running = state == GradFlowTabModel.RunState.RUNNING;
            show(gfPlayButton, !running);
            show(gfPauseButton, running);
            gfResetButton.setDisable(state == GradFlowTabModel.RunState.STARTING);
        });
        listeners.watch(List.of(model.runStateProperty(), model.runsProperty(), model.dataStateProperty(), model.runErrorProperty(),
                model.noticeProperty(), model.stepsPerSecondProperty(), model.form().datasetProperty()), () -> {
            showStatus();
            showBanner();
            showHeaders();
        });
    }

    private void showStatus() {
        List<RunHistory.Snapshot> runs = model.runsProperty().get();
        int step = runs.stream().mapToInt(RunHistory.Snapshot::steps).max().orElse(0);
        boolean mnist = model.form().datasetProperty().get() == Dataset.MNIST;
        String status = switch (model.runStateProperty().get()) {
            case WAITING -> !mnist || model.dataStateProperty().get() == BackgroundLoad.State.READY
                    ? text("gradflow.status.waiting")
                    : model.dataStateProperty().get() == BackgroundLoad.State.FAILED
                    ? text("gradflow.status.noData") : text("gradflow.status.loading");
            case STARTING -> text("gradflow.status.starting");
            case PAUSED -> step == 0 ? text("gradflow.status.ready") : format("gradflow.status.paused", step);
            case RUNNING -> format("gradflow.status.running", step);
            case HALTED -> text("gradflow.status.halted");
            case FAILED -> text("gradflow.status.failed");
        };
        gfRunStatusLabel.setText(status);
        boolean running = model.runStateProperty().get() == GradFlowTabModel.RunState.RUNNING;
        double rate = model.stepsPerSecondProperty().get();
        gfSpeedLabel.setText(running && rate > 0 ? format("gradflow.stat.speed", Math.round(rate)) : "");
        show(gfSpeedLabel, running && rate > 0);
    }

    private void showBanner() {
        String title = null;
        String detail = "";
        boolean info = false;
        RunHistory.Overflow overflow = null;
        int overflowed = -1;
        List<RunHistory.Snapshot> runs = model.runsProperty().get();
        for (int i = 0; i < runs.size() && overflow == null; i++) {
            overflow = runs.get(i).overflow();
            overflowed = overflow == null ? -1 : i;
        }
        if (model.runStateProperty().get() == GradFlowTabModel.RunState.FAILED) {
            title = text("gradflow.banner.failed");
            detail = model.runErrorProperty().get();
        } else if (model.form().datasetProperty().get() == Dataset.MNIST
                && model.dataStateProperty().get() == BackgroundLoad.State.FAILED) {
            title = text("gradflow.banner.noData");
            detail = format("gradflow.banner.noData.detail", model.dataErrorProperty().get(),
                    model.mnistDirectory().toAbsolutePath().normalize());
        } else if (overflow != null) {
            title = overflow.atInitialisation()
                    ? format("gradflow.banner.overflowInit", letter(overflowed), overflow.layer(),
                    columns.get(0).in(overflow.in()))
                    : format("gradflow.banner.overflow", letter(overflowed), overflow.step(), overflow.layer(),
                    columns.get(0).in(overflow.in()));
            boolean otherGoesOn = runs.size() == 2 && runs.get(1 - overflowed).overflow() == null;
            detail = text("gradflow.banner.overflow.detail")
                    + (otherGoesOn ? " " + format("gradflow.banner.overflow.other", letter(1 - overflowed)) : "");
        } else if (model.noticeProperty().get() != null) {
            GradFlowTabModel.Notice n = model.noticeProperty().get();
            title = MessageFormat.format(text(n.key()), n.args());
            info = true;
        }
        show(gfBanner, title != null);
        gfBanner.getStyleClass().remove(Styles.INFO);
        if (info) {
            gfBanner.getStyleClass().add(Styles.INFO);
        }
        gfBannerIcon.setIconLiteral(info ? "mdi2i-information-outline" : "mdi2a-alert-circle-outline");
        gfBannerTitle.setText(title == null ? "" : title);
        gfBannerDetail.setText(detail);
        show(gfBannerDetail, !detail.isEmpty());
    }

    private void showHeaders() {
        List<RunHistory.Snapshot> runs = model.runsProperty().get();
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).showHeader(i < runs.size() ? runs.get(i) : null, model.stepThroughObstacle(i));
        }
    }

    // ---- the gfViews ----

    private void bindViews() {
        columns = List.of(
                new RunColumn(new RunColumn.Nodes(gfRunTitleA, gfRunFiguresA, gfOpenA, gfOpenTipA, gfGradBarsA,
                        gfHeatA, gfDerivBarsA, gfDerivNoteA, gfFactorBarsA, gfRatioBarsA, gfNormChartA, gfHistogramsA,
                        gfLossChartA), resources),
                new RunColumn(new RunColumn.Nodes(gfRunTitleB, gfRunFiguresB, gfOpenB, gfOpenTipB, gfGradBarsB,
                        gfHeatB, gfDerivBarsB, gfDerivNoteB, gfFactorBarsB, gfRatioBarsB, gfNormChartB, gfHistogramsB,
                        gfLossChartB), resources));
        gfViews.getSelectionModel().select(model.selectedViewProperty().get().ordinal());
        gfViews.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> model.selectedViewProperty()
                .set(GradFlowTabModel.View.values()[b.intValue()]));
        listeners.watch(List.of(model.runsProperty(), model.axesProperty(), model.selectedViewProperty()), this::showView);
        for (int i = 0; i < 2; i++) {
            int run = i;
            String ab = i == 0 ? "-a" : "-b";
            Supplier<List<RunHistory.Snapshot>> runs = () -> model.runsProperty().get();
            Supplier<CsvTable> layers = () -> FlowTables.layers(runs.get(), run);
            Supplier<CsvTable> steps = () -> FlowTables.steps(runs.get(), run);
            ChartExport.install(List.of(gfGradBarsA, gfGradBarsB).get(i), resources, "gradient-norms" + ab, layers);
            List.of(gfGradBarsA, gfGradBarsB).get(i).setOnLayerPicked(layer -> model.pickLayer(run, layer));
            ChartExport.install(List.of(gfHeatA, gfHeatB).get(i), resources, "gradient-heat-map" + ab,
                    () -> FlowTables.heat(runs.get(), run));
            ChartExport.install(List.of(gfDerivBarsA, gfDerivBarsB).get(i), resources, "local-derivatives" + ab, layers);
            ChartExport.install(List.of(gfFactorBarsA, gfFactorBarsB).get(i), resources, "backward-factors" + ab, layers);
            ChartExport.install(List.of(gfRatioBarsA, gfRatioBarsB).get(i), resources, "update-ratios" + ab, layers);
            ChartExport.install(List.of(gfNormChartA, gfNormChartB).get(i), resources, "global-norm" + ab, steps);
            ChartExport.install(List.of(gfHistogramsA, gfHistogramsB).get(i), resources, "activations" + ab, layers);
            ChartExport.install(List.of(gfLossChartA, gfLossChartB).get(i), resources, "loss" + ab, steps);
        }
    }

    /** Draws what the model measured into the view in sight; the others catch up when shown. */
    private void showView() {
        List<RunHistory.Snapshot> runs = model.runsProperty().get();
        SharedAxes.Axes axes = model.axesProperty().get();
        if (axes == null) {
            return;
        }
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).latest() != null) {
                columns.get(i).show(model.selectedViewProperty().get(), runs.get(i), axes, model::histogramRange);
            }
        }
    }

    // ---- helpers ----

    private static String letter(int run) {
        return run == 0 ? "A" : "B";
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private String text(String key) {
        return resources.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(resources.getString(key), args);
    }

    private <T> void choices(ComboBox<T> box, List<T> items, Function<T, String> name) {
        box.getItems().setAll(items);
        box.setConverter(converter(name));
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
