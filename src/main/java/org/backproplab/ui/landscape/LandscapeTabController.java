package org.backproplab.ui.landscape;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.function.BiPredicate;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

import javafx.animation.AnimationTimer;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.backproplab.engine.Numbers;
import org.backproplab.labs.Landscape;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.data.ToyData;
import org.backproplab.labs.LandscapeGrid;
import org.backproplab.labs.LossSlice;
import org.backproplab.labs.Playground;
import org.backproplab.labs.Surface;
import org.backproplab.ui.landscape.LandscapeTabModel.Racer;
import org.backproplab.ui.landscape.LandscapeTabModel.Run;

/**
 * The controller of {@code landscape-tab.fxml}: binds the form to the {@link LandscapeTabModel}, draws the race
 * (up to 60 frames a second while playing), and computes the grids off the JavaFX thread — the contour map whenever
 * the surface changes, the basin maps and the momentum sweep when asked, with progress and cancel.
 */
public final class LandscapeTabController {

    /** The contour grid: 200 × 200 values of f. */
    static final int GRID = 200;
    /** The basin maps: 100 × 100 starts, 500 steps each. */
    static final int BASIN_GRID = 100;
    static final int BASIN_STEPS = 500;
    static final double[] SWEEP_MOMENTA = {0, 0.5, 0.9, 0.99};
    /** The network slice: the playground's network after 30 epochs, on a 41 × 41 grid. */
    static final int SLICE_EPOCHS = 30;
    static final int SLICE_GRID = 41;
    private static final String GD_COLOUR = "#ff3b3b";

    private final LandscapeTabModel model;
    private final BiPredicate<String, String> opener;
    private final ContourView contour = new ContourView(this::pick);
    private final SurfaceView3D surface3d = new SurfaceView3D();
    private final BasinView basinsGd = new BasinView();
    private final BasinView basinsMomentum = new BasinView();
    private Task<?> basinTask;
    private LandscapeGrid.Values values;
    private boolean playing;
    private long gridVersion;

    @FXML private ResourceBundle resources;
    @FXML private ComboBox<Surface> lsSurfaceBox;
    @FXML private Label lsDescription;
    @FXML private TextField lsExpressionField;
    @FXML private Label lsSurfaceProblem;
    @FXML private TextField lsStartX;
    @FXML private TextField lsStartY;
    @FXML private VBox lsRacers;
    @FXML private ComboBox<Racer> lsFollowBox;
    @FXML private GridPane lsSettings;
    @FXML private Button lsPlayButton;
    @FXML private Label lsStatus;
    @FXML private StackPane lsContourHolder;
    @FXML private Label lsWritten;
    @FXML private StackPane lsSurfaceHolder;
    @FXML private Button lsBasinsButton;
    @FXML private Button lsBasinsCancel;
    @FXML private ProgressBar lsBasinsProgress;
    @FXML private Label lsBasinsNote;
    @FXML private StackPane lsBasinsLeft;
    @FXML private StackPane lsBasinsRight;
    @FXML private LineChart<Number, Number> lsSweepChart;
    @FXML private Label lsSweepNote;
    @FXML private StackPane lsSliceHolder;
    @FXML private ProgressBar lsSliceProgress;
    @FXML private Label lsSliceNote;
    @FXML private LineChart<Number, Number> lsSliceChart;
    @FXML private Button lsSliceButton;
    @FXML private Button lsSliceRandomButton;
    private final ContourView slice = new ContourView((x, y) -> { });
    private LossSlice.Slice lastSlice;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!playing) {
                return;
            }
            model.step();
            if (!model.anyGoing() || model.steps() >= 100_000) {
                setPlaying(false);
            }
        }
    };

    public LandscapeTabController(LandscapeTabModel model, BiPredicate<String, String> opener) {
        this.model = model;
        this.opener = opener;
    }

    @FXML
    private void initialize() {
        lsContourHolder.getChildren().add(contour);
        lsSurfaceHolder.getChildren().add(surface3d);
        lsBasinsLeft.getChildren().add(basinsGd);
        lsBasinsRight.getChildren().add(basinsMomentum);
        lsSliceHolder.getChildren().add(slice);
        slice.setId("lsSlice");
        lsSliceNote.getStyleClass().add("data");
        contour.setId("lsContour");
        surface3d.setId("lsSurface3d");
        basinsGd.setId("lsBasinsGd");
        basinsMomentum.setId("lsBasinsMomentum");
        lsWritten.getStyleClass().add("data");
        lsStatus.getStyleClass().add("data");
        lsBasinsNote.getStyleClass().add("data");
        lsSweepNote.getStyleClass().add("data");

        lsSurfaceBox.getItems().setAll(Surface.values());
        lsSurfaceBox.setConverter(converter(s -> resources.getString("landscape.surface." + s.id())));
        lsSurfaceBox.getSelectionModel().select(model.preset());
        lsSurfaceBox.setOnAction(e -> {
            Surface s = lsSurfaceBox.getValue();
            if (s != null && s != model.preset()) {
                model.choosePreset(s);
                surfaceChanged();
            }
        });
        for (Racer r : Racer.values()) {
            CheckBox box = new CheckBox(racerName(r));
            box.setId("lsRacer" + r.name());
            box.setSelected(model.isRacing(r));
            box.setTooltip(new Tooltip(resources.getString("landscape.racer." + r.name() + ".tip")));
            box.getTooltip().setWrapText(true);
            box.getTooltip().setMaxWidth(360);
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(12, 12, RacerColours.of(r));
            swatch.setStroke(javafx.scene.paint.Color.gray(0.45));
            box.setGraphic(swatch);
            box.selectedProperty().addListener((o, was, on) -> model.setRacing(r, on));
            lsRacers.getChildren().add(box);
        }
        lsFollowBox.getItems().setAll(Racer.values());
        lsFollowBox.setConverter(converter(this::racerName));
        lsFollowBox.getSelectionModel().select(model.followed());
        lsFollowBox.setOnAction(e -> model.follow(lsFollowBox.getValue()));
        settingsForm();
        model.addListener(this::raceChanged);
        surfaceChanged();
    }

    private String racerName(Racer r) {
        return resources.getString("landscape.racer." + r.name());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** η on a log slider (1e-4 to 1), μ, β₁, β₂ and σ on linear ones; each with its value beside it. */
    private void settingsForm() {
        Settings s = model.settings();
        slider(0, "landscape.lr", -4, 0, Math.log10(s.learningRate()), v -> Math.pow(10, v),
                v -> model.setSettings(model.settings().withLearningRate(v)));
        slider(1, "landscape.momentum", 0, 0.99, s.momentum(), v -> v,
                v -> model.setSettings(model.settings().withMomentum(v)));
        slider(2, "landscape.beta1", 0, 0.99, s.beta1(), v -> v,
                v -> model.setSettings(model.settings().withBeta1(v)));
        slider(3, "landscape.beta2", 0.9, 0.9999, s.beta2(), v -> v,
                v -> model.setSettings(model.settings().withBeta2(v)));
        slider(4, "landscape.noise", 0, 5, s.noise(), v -> v,
                v -> model.setSettings(model.settings().withNoise(v)));
    }

    private void slider(int row, String key, double min, double max, double value, DoubleFunction<Double> toValue,
                        DoubleConsumer set) {
        Label name = new Label(resources.getString(key));
        Slider slider = new Slider(min, max, value);
        slider.setId("ls" + key.substring(key.indexOf('.') + 1) + "Slider");
        slider.setTooltip(new Tooltip(resources.getString(key + ".tip")));
        slider.getTooltip().setWrapText(true);
        slider.getTooltip().setMaxWidth(360);
        slider.setPrefWidth(130);
        name.setLabelFor(slider);
        Label shown = new Label(Numbers.significant(toValue.apply(value), 3));
        shown.getStyleClass().add("data");
        shown.setMinWidth(48);
        slider.valueProperty().addListener((o, a, b) -> {
            double v = toValue.apply(b.doubleValue());
            shown.setText(Numbers.significant(v, 3));
            if (!slider.isValueChanging()) {
                set.accept(v);
            }
        });
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                set.accept(toValue.apply(slider.getValue()));
            }
        });
        lsSettings.addRow(row, name, slider, shown);
    }

    /** A new surface or window: its description, its expression, the start fields, and a new contour grid. */
    private void surfaceChanged() {
        Surface preset = model.preset();
        lsDescription.setText(preset == null ? resources.getString("landscape.surface.custom")
                : resources.getString("landscape.surface." + preset.id() + ".teaches"));
        lsExpressionField.setText(model.surface().expression());
        lsSurfaceProblem.setText("");
        long version = ++gridVersion;
        Landscape surface = model.surface();
        Landscape.Window window = model.window();
        Task<LandscapeGrid.Values> task = new Task<>() {
            @Override
            protected LandscapeGrid.Values call() {
                return LandscapeGrid.evaluate(surface, window, GRID, GRID);
            }
        };
        task.setOnSucceeded(e -> {
            if (version == gridVersion) {
                values = task.getValue();
                contour.setValues(values, preset == null ? List.of() : preset.landmarks());
                surface3d.setValues(values);
            }
        });
        background(task, "landscape-grid");
        raceChanged();
    }

    private static void background(Task<?> task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** The race moved: paths, arrows, the written update and the status line. */
    private void raceChanged() {
        lsStartX.setText(Numbers.significant(model.start().x(), 6));
        lsStartY.setText(Numbers.significant(model.start().y(), 6));
        Run followed = model.followedRun();
        contour.setRace(model.runs(), followed, model.start());
        surface3d.setRuns(model.runs());
        lsWritten.setText(written(followed));
        StringBuilder status = new StringBuilder(MessageFormat.format(resources.getString("landscape.status.steps"),
                model.steps()));
        for (Run r : model.stopped()) {
            status.append('\n').append(MessageFormat.format(resources.getString("landscape.status.stopped"),
                    racerName(r.racer()), r.stoppedAt()));
        }
        lsStatus.setText(status.toString());
    }

    private String written(Run run) {
        if (run == null || run.last() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(racerName(run.racer())).append(": ");
        text.append(String.join("\n", run.last().written()));
        if (run.racer() == Racer.NEWTON) {
            text.append('\n').append(resources.getString("landscape.newton.hessian"));
            if (run.last().damped()) {
                text.append('\n').append(resources.getString("landscape.newton.damped"));
            }
        }
        return text.toString();
    }

    private void pick(double x, double y) {
        model.setStart(x, y);
    }

    @FXML
    private void applyExpression() {
        try {
            model.chooseExpression(lsExpressionField.getText());
            lsSurfaceBox.getSelectionModel().clearSelection();
            surfaceChanged();
        } catch (Landscape.BadSurface e) {
            lsSurfaceProblem.setText(MessageFormat.format(resources.getString("landscape.expression.problem"),
                    e.column(), e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip()));
        }
    }

    @FXML
    private void applyStart() {
        try {
            model.setStart(Double.parseDouble(lsStartX.getText().strip()), Double.parseDouble(lsStartY.getText()
                    .strip()));
        } catch (NumberFormatException e) {
            lsStatus.setText(resources.getString("landscape.start.problem"));
        }
    }

    @FXML
    private void step() {
        model.step();
    }

    @FXML
    private void togglePlay() {
        setPlaying(!playing);
    }

    private void setPlaying(boolean on) {
        playing = on;
        lsPlayButton.setText(resources.getString(on ? "landscape.pause" : "landscape.play"));
        if (on) {
            timer.start();
        } else {
            timer.stop();
        }
    }

    @FXML
    private void reset() {
        setPlaying(false);
        model.reset();
    }

    @FXML
    private void openInStepThrough() {
        setPlaying(false);
        opener.test(resources.getString("landscape.lesson.name"), model.lesson());
    }

    @FXML
    private void computeBasins() {
        cancelBasins();
        Landscape surface = model.surface();
        Landscape.Window window = model.window();
        Settings settings = model.settings().withNoise(0);
        List<Landscape.Landmark> minima = model.preset() == null ? List.of()
                : model.preset().landmarks().stream().filter(Landscape.Landmark::isMinimum).toList();
        Task<LandscapeGrid.Basins[]> task = new Task<>() {
            @Override
            protected LandscapeGrid.Basins[] call() {
                LandscapeGrid.Basins[] both = new LandscapeGrid.Basins[2];
                Method[] methods = {Method.SGD, Method.MOMENTUM};
                for (int k = 0; k < 2; k++) {
                    int offset = k;
                    both[k] = LandscapeGrid.basins(surface, methods[k], settings, window, BASIN_GRID, BASIN_GRID,
                            BASIN_STEPS, minima, (done, total) -> {
                                updateProgress(offset * total + done, 2L * total);
                                return !isCancelled();
                            });
                }
                return both;
            }
        };
        lsBasinsProgress.progressProperty().bind(task.progressProperty());
        lsBasinsCancel.setDisable(false);
        lsBasinsButton.setDisable(true);
        task.setOnSucceeded(e -> {
            basinsGd.setBasins(task.getValue()[0]);
            basinsMomentum.setBasins(task.getValue()[1]);
            lsBasinsNote.setText(MessageFormat.format(resources.getString("landscape.basins.done"),
                    Numbers.significant(settings.learningRate(), 3), Numbers.significant(settings.momentum(), 3),
                    BASIN_STEPS));
            basinsDone();
        });
        task.setOnCancelled(e -> basinsDone());
        task.setOnFailed(e -> {
            lsBasinsNote.setText(task.getException() instanceof CancellationException ? ""
                    : String.valueOf(task.getException().getMessage()));
            basinsDone();
        });
        basinTask = task;
        background(task, "landscape-basins");
    }

    private void basinsDone() {
        lsBasinsProgress.progressProperty().unbind();
        lsBasinsProgress.setProgress(0);
        lsBasinsCancel.setDisable(true);
        lsBasinsButton.setDisable(false);
    }

    @FXML
    private void cancelBasins() {
        if (basinTask != null && basinTask.isRunning()) {
            basinTask.cancel();
        }
    }

    /** Distill's view: f against step on the ravine for μ from 0 to 0.99 and the critical μ, at the current η. */
    @FXML
    private void computeSweep() {
        Landscape ravine = Landscape.of(Surface.RAVINE);
        double lr = Math.min(model.settings().learningRate(), 0.09);
        Task<LandscapeGrid.Sweep> task = new Task<>() {
            @Override
            protected LandscapeGrid.Sweep call() {
                LandscapeGrid.Sweep first = LandscapeGrid.momentumSweep(ravine, lr, new double[] {0},
                        Surface.RAVINE.start(), 1);
                double[] momenta = java.util.Arrays.copyOf(SWEEP_MOMENTA, SWEEP_MOMENTA.length + 1);
                momenta[SWEEP_MOMENTA.length] = Double.isFinite(first.criticalMomentum()) ? first.criticalMomentum()
                        : 0.5;
                java.util.Arrays.sort(momenta);
                return LandscapeGrid.momentumSweep(ravine, lr, momenta, Surface.RAVINE.start(), 300);
            }
        };
        task.setOnSucceeded(e -> showSweep(task.getValue()));
        background(task, "landscape-sweep");
    }

    private void showSweep(LandscapeGrid.Sweep sweep) {
        lsSweepChart.getData().clear();
        for (int k = 0; k < sweep.momenta().length; k++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            boolean critical = Math.abs(sweep.momenta()[k] - sweep.criticalMomentum()) < 1e-6;
            series.setName(MessageFormat.format(resources.getString(critical ? "landscape.sweep.series.critical"
                    : "landscape.sweep.series"), Numbers.significant(sweep.momenta()[k], 3)));
            double[] f = sweep.values()[k];
            for (int t = 0; t < f.length; t += 2) {
                if (Double.isFinite(f[t]) && f[t] > 0) {
                    series.getData().add(new XYChart.Data<>(t, Math.log10(f[t])));
                }
            }
            lsSweepChart.getData().add(series);
        }
        lsSweepNote.setText(MessageFormat.format(resources.getString("landscape.sweep.critical"),
                Numbers.significant(sweep.criticalMomentum(), 3), Numbers.significant(sweep.learningRate(), 3)));
    }

    /** The trajectory slice of the playground's network: SGD's and GD's paths on their principal plane. */
    @FXML
    private void computeTrajectorySlice() {
        slice(true);
    }

    /** The slice along two filter-normalised random directions around the same trained weights. */
    @FXML
    private void computeRandomSlice() {
        slice(false);
    }

    private void slice(boolean trajectory) {
        Task<LossSlice.Slice> task = new Task<>() {
            @Override
            protected LossSlice.Slice call() {
                LandscapeGrid.Progress progress = (done, total) -> {
                    updateProgress(done, total);
                    return !isCancelled();
                };
                if (trajectory) {
                    return LossSlice.trajectory(ToyData.Kind.CIRCLE, 10, 1, SLICE_EPOCHS, SLICE_GRID, progress);
                }
                Playground net = LossSlice.playground(ToyData.Kind.CIRCLE, 10, 1);
                for (int e = 0; e < SLICE_EPOCHS; e++) {
                    net.epoch();
                }
                return LossSlice.random(net, 1, 1, SLICE_GRID, progress);
            }
        };
        lsSliceProgress.progressProperty().bind(task.progressProperty());
        lsSliceButton.setDisable(true);
        lsSliceRandomButton.setDisable(true);
        task.setOnSucceeded(e -> {
            showSlice(task.getValue(), trajectory);
            sliceDone();
        });
        task.setOnFailed(e -> sliceDone());
        background(task, "landscape-slice");
    }

    private void sliceDone() {
        lsSliceProgress.progressProperty().unbind();
        lsSliceProgress.setProgress(0);
        lsSliceButton.setDisable(false);
        lsSliceRandomButton.setDisable(false);
    }

    private void showSlice(LossSlice.Slice s, boolean trajectory) {
        lastSlice = s;
        slice.setValues(s.loss(), List.of());
        slice.setLines(s.paths(), List.of(javafx.scene.paint.Color.WHITE, javafx.scene.paint.Color.web(GD_COLOUR)));
        lsSliceChart.getData().clear();
        String[] names = {resources.getString("landscape.network.sgd"), resources.getString("landscape.network.gd")};
        for (int k = 0; k < s.pathLosses().size(); k++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(names[k]);
            double[] loss = s.pathLosses().get(k);
            for (int t = 0; t < loss.length; t++) {
                series.getData().add(new XYChart.Data<>(t, loss[t]));
            }
            lsSliceChart.getData().add(series);
            // the chart's lines in the map's colours (SGD's white path as dark grey on the chart's white)
            String colour = k == 0 ? "#555555" : GD_COLOUR;
            series.getNode().setStyle("-fx-stroke: " + colour + ";");
            int index = k;
            javafx.application.Platform.runLater(() -> { // the legend's symbols exist once the chart is laid out
                for (javafx.scene.Node symbol : lsSliceChart.lookupAll(".chart-legend-item-symbol.default-color"
                        + index)) {
                    symbol.setStyle("-fx-background-color: " + colour + ", white;");
                }
            });
        }
        lsSliceNote.setText(trajectory ? MessageFormat.format(resources.getString("landscape.network.trajectory.done"),
                Numbers.significant(s.originLoss(), 4), Math.round(100 * s.explained()[0]),
                Math.round(100 * s.explained()[1]))
                : MessageFormat.format(resources.getString("landscape.network.random.done"),
                Numbers.significant(s.originLoss(), 4)));
    }

    /** The last network slice shown, or null. */
    LossSlice.Slice lastSlice() {
        return lastSlice;
    }

    /** For tests: the views. */
    ContourView contour() {
        return contour;
    }

    SurfaceView3D surface3d() {
        return surface3d;
    }

    BasinView basinsGd() {
        return basinsGd;
    }
}
