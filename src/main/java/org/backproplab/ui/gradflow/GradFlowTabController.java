package org.backproplab.ui.gradflow;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
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

import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controller of {@code gradflow-tab.fxml}: binds the form to the {@link GradFlowTabModel}'s {@link LabForm},
 * forwards the buttons to its commands, and draws what the model measured into the view in sight (the others catch
 * up when shown). Configuration A is the left column of every view and B, when comparing, the right. It listens to
 * the model weakly, so a view dropped by a language switch is collected while the model (and a run) carries on.
 */
public final class GradFlowTabController {

    private final GradFlowTabModel model;
    /** The listeners this view registered weakly on the model, held here so they live as long as the view. */
    private final List<Object> listeners = new ArrayList<>();
    /** Configuration A's column and B's. */
    private List<RunColumn> columns;

    @FXML private ResourceBundle resources;
    @FXML private ComboBox<Dataset> datasetBox;
    @FXML private TextField batchSizeField;
    @FXML private TextField seedField;
    @FXML private CheckBox compareBox;
    @FXML private ComboBox<ComparePreset> presetBox;
    @FXML private GridPane configForm;
    @FXML private ColumnConstraints formColumnB;
    @FXML private Label badgeB;
    @FXML private Spinner<Integer> depthA;
    @FXML private Spinner<Integer> depthB;
    @FXML private Spinner<Integer> widthA;
    @FXML private Spinner<Integer> widthB;
    @FXML private ComboBox<Activation.Kind> activationA;
    @FXML private ComboBox<Activation.Kind> activationB;
    @FXML private ComboBox<Initializer.Scheme> initA;
    @FXML private ComboBox<Initializer.Scheme> initB;
    @FXML private CheckBox batchNormA;
    @FXML private CheckBox batchNormB;
    @FXML private ComboBox<String> clipA;
    @FXML private ComboBox<String> clipB;
    @FXML private TextField clipThresholdA;
    @FXML private TextField clipThresholdB;
    @FXML private ComboBox<String> optimizerA;
    @FXML private ComboBox<String> optimizerB;
    @FXML private TextField learningRateA;
    @FXML private TextField learningRateB;
    @FXML private Label problemLabel;
    @FXML private Button playButton;
    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Button resetButton;
    @FXML private ComboBox<Pace> paceBox;
    @FXML private Label runStatusLabel;
    @FXML private Label speedLabel;
    @FXML private HBox banner;
    @FXML private FontIcon bannerIcon;
    @FXML private Label bannerTitle;
    @FXML private Label bannerDetail;
    @FXML private GridPane runHeaders;
    @FXML private HBox runHeaderA;
    @FXML private HBox runHeaderB;
    @FXML private Label runTitleA;
    @FXML private Label runTitleB;
    @FXML private Label runFiguresA;
    @FXML private Label runFiguresB;
    @FXML private Button openA;
    @FXML private Button openB;
    @FXML private Tooltip openTipA;
    @FXML private Tooltip openTipB;
    @FXML private TabPane views;
    @FXML private GridPane gradientsGrid;
    @FXML private GridPane updatesGrid;
    @FXML private GridPane activationsGrid;
    @FXML private GridPane lossGrid;
    @FXML private LayerBars gradBarsA;
    @FXML private LayerBars gradBarsB;
    @FXML private HeatMapView heatA;
    @FXML private HeatMapView heatB;
    @FXML private LayerBars ratioBarsA;
    @FXML private LayerBars ratioBarsB;
    @FXML private LineChart<Number, Number> normChartA;
    @FXML private LineChart<Number, Number> normChartB;
    @FXML private HistogramStack histogramsA;
    @FXML private HistogramStack histogramsB;
    @FXML private LineChart<Number, Number> lossChartA;
    @FXML private LineChart<Number, Number> lossChartB;

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
        choices(datasetBox, List.of(Dataset.values()), d -> text(d.key()));
        datasetBox.valueProperty().bindBidirectional(form.datasetProperty());
        batchSizeField.textProperty().bindBidirectional(form.batchSizeProperty());
        seedField.textProperty().bindBidirectional(form.seedProperty());
        compareBox.selectedProperty().bindBidirectional(form.compareProperty());
        choices(presetBox, List.of(ComparePreset.values()), p -> text(p.key()));
        presetBox.valueProperty().bindBidirectional(form.presetProperty());
        presetBox.disableProperty().bind(compareBox.selectedProperty().not());
        bindSide(form.a(), depthA, widthA, activationA, initA, batchNormA, clipA, clipThresholdA, optimizerA, learningRateA);
        bindSide(form.b(), depthB, widthB, activationB, initB, batchNormB, clipB, clipThresholdB, optimizerB, learningRateB);
        watch(form.compareProperty(), this::showCompare);
        watch(form.problemProperty(), problem -> {
            for (TextField f : List.of(batchSizeField, seedField, learningRateA, learningRateB, clipThresholdA,
                    clipThresholdB)) {
                f.getStyleClass().remove(Styles.INVALID);
            }
            problemLabel.setVisible(problem != null);
            problemLabel.setManaged(problem != null);
            if (problem == null) {
                problemLabel.setText("");
                return;
            }
            String what = MessageFormat.format(text(problem.key()), problem.args());
            problemLabel.setText(problem.run() < 0 ? what : format("gradflow.error.in", letter(problem.run()), what));
            boolean a = problem.run() <= 0;
            TextField field = switch (problem.field()) {
                case BATCH_SIZE -> batchSizeField;
                case SEED -> seedField;
                case LEARNING_RATE -> a ? learningRateA : learningRateB;
                case CLIP_THRESHOLD -> a ? clipThresholdA : clipThresholdB;
            };
            field.getStyleClass().add(Styles.INVALID);
        });
    }

    private void bindSide(LabForm.Side side, Spinner<Integer> depth, Spinner<Integer> width,
                          ComboBox<Activation.Kind> activation, ComboBox<Initializer.Scheme> init, CheckBox batchNorm,
                          ComboBox<String> clip, TextField threshold, ComboBox<String> optimizer, TextField rate) {
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
        choices(clip, FlowSettings.CLIPS, id -> text("gradflow.clip." + id));
        clip.valueProperty().bindBidirectional(side.clipProperty());
        threshold.textProperty().bindBidirectional(side.clipThresholdProperty());
        threshold.disableProperty().bind(side.clipProperty().isEqualTo("none"));
        choices(optimizer, FlowSettings.OPTIMIZERS, id -> text("gradflow.optimizer." + id));
        optimizer.valueProperty().bindBidirectional(side.optimizerProperty());
        rate.textProperty().bindBidirectional(side.learningRateProperty());
    }

    /** B's column of the form, of the run headers and of every view, shown or not. */
    private void showCompare(boolean on) {
        for (Node n : configForm.getChildren()) {
            Integer column = GridPane.getColumnIndex(n);
            if (column != null && column == 2) {
                show(n, on);
            }
        }
        formColumnB.setPrefWidth(on ? 110 : 0);
        formColumnB.setMaxWidth(on ? Double.MAX_VALUE : 0);
        for (GridPane grid : List.of(runHeaders, gradientsGrid, updatesGrid, activationsGrid, lossGrid)) {
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
        show(badgeB, on);
        for (Button open : List.of(openA, openB)) { // two headers side by side: the icon only, its tooltip says what
            open.setContentDisplay(on ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
        }
    }

    // ---- the run ----

    private void bindRun() {
        choices(paceBox, List.of(Pace.values()), p -> text(p.key()));
        paceBox.valueProperty().bindBidirectional(model.paceProperty());
        playButton.disableProperty().bind(model.canPlayBinding().not());
        stepButton.disableProperty().bind(model.canPlayBinding().not());
        watch(model.runStateProperty(), state -> {
            boolean running = state == GradFlowTabModel.RunState.RUNNING;
            show(playButton, !running);
            show(pauseButton, running);
            resetButton.setDisable(state == GradFlowTabModel.RunState.STARTING);
        });
        watch(List.of(model.runStateProperty(), model.runsProperty(), model.dataStateProperty(), model.runErrorProperty(),
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
            case WAITING -> !mnist || model.dataStateProperty().get() == GradFlowTabModel.DataState.READY
                    ? text("gradflow.status.waiting")
                    : model.dataStateProperty().get() == GradFlowTabModel.DataState.FAILED
                    ? text("gradflow.status.noData") : text("gradflow.status.loading");
            case STARTING -> text("gradflow.status.starting");
            case PAUSED -> step == 0 ? text("gradflow.status.ready") : format("gradflow.status.paused", step);
            case RUNNING -> format("gradflow.status.running", step);
            case HALTED -> text("gradflow.status.halted");
            case FAILED -> text("gradflow.status.failed");
        };
        runStatusLabel.setText(status);
        boolean running = model.runStateProperty().get() == GradFlowTabModel.RunState.RUNNING;
        double rate = model.stepsPerSecondProperty().get();
        speedLabel.setText(running && rate > 0 ? format("gradflow.stat.speed", Math.round(rate)) : "");
        show(speedLabel, running && rate > 0);
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
                && model.dataStateProperty().get() == GradFlowTabModel.DataState.FAILED) {
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
        show(banner, title != null);
        banner.getStyleClass().remove(Styles.INFO);
        if (info) {
            banner.getStyleClass().add(Styles.INFO);
        }
        bannerIcon.setIconLiteral(info ? "mdi2i-information-outline" : "mdi2a-alert-circle-outline");
        bannerTitle.setText(title == null ? "" : title);
        bannerDetail.setText(detail);
        show(bannerDetail, !detail.isEmpty());
    }

    private void showHeaders() {
        List<RunHistory.Snapshot> runs = model.runsProperty().get();
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).showHeader(i < runs.size() ? runs.get(i) : null, model.stepThroughObstacle(i));
        }
    }

    // ---- the views ----

    private void bindViews() {
        columns = List.of(
                new RunColumn(new RunColumn.Nodes(runTitleA, runFiguresA, openA, openTipA, gradBarsA, heatA, ratioBarsA,
                        normChartA, histogramsA, lossChartA), resources),
                new RunColumn(new RunColumn.Nodes(runTitleB, runFiguresB, openB, openTipB, gradBarsB, heatB, ratioBarsB,
                        normChartB, histogramsB, lossChartB), resources));
        views.getSelectionModel().select(model.selectedViewProperty().get().ordinal());
        views.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> model.selectedViewProperty()
                .set(GradFlowTabModel.View.values()[b.intValue()]));
        watch(List.of(model.runsProperty(), model.axesProperty(), model.selectedViewProperty()), this::showView);
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

    /** Runs the action now and whenever the value changes, for as long as this view lives. */
    private <T> void watch(ObservableValue<T> value, Consumer<T> action) {
        ChangeListener<T> listener = (o, old, now) -> action.accept(now);
        listeners.add(listener);
        value.addListener(new WeakChangeListener<>(listener));
        action.accept(value.getValue());
    }

    /** Runs the action now and whenever any of the values changes. */
    private void watch(List<? extends ObservableValue<?>> values, Runnable action) {
        ChangeListener<Object> listener = (o, old, now) -> action.run();
        listeners.add(listener);
        for (ObservableValue<?> v : values) {
            @SuppressWarnings("unchecked")
            ObservableValue<Object> value = (ObservableValue<Object>) v;
            value.addListener(new WeakChangeListener<>(listener));
        }
        action.run();
    }
}
