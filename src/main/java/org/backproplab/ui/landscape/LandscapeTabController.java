package org.backproplab.ui.landscape;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiPredicate;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

import javafx.animation.AnimationTimer;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
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
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.LandscapeGrid;
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

    private final LandscapeTabModel model;
    private final BiPredicate<String, String> opener;
    private final ContourView contour = new ContourView(this::pick);
    private final SurfaceView3D surface3d = new SurfaceView3D();
    private final BasinView basinsGd = new BasinView();
    private final BasinView basinsMomentum = new BasinView();
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
    @FXML private StackPane lsBasinsLeft;
    @FXML private StackPane lsBasinsRight;
    @FXML private Button lsBasinsButton;
    @FXML private Button lsBasinsCancel;
    @FXML private ProgressBar lsBasinsProgress;
    @FXML private Label lsBasinsNote;
    @FXML private LineChart<Number, Number> lsSweepChart;
    @FXML private Label lsSweepNote;
    @FXML private StackPane lsSliceHolder;
    @FXML private ProgressBar lsSliceProgress;
    @FXML private Label lsSliceNote;
    @FXML private LineChart<Number, Number> lsSliceChart;
    @FXML private Button lsSliceButton;
    @FXML private Button lsSliceRandomButton;
    /** The basin maps, the momentum sweep and the network's slice: the views computed on request. */
    private LandscapeAnalyses analyses;

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

    /** The sliders of η, μ, β₁, β₂ and σ, in that order. */
    private final List<Slider> sliders = new ArrayList<>();
    /** The surface the view shows; another in the model means a setup changed it from outside. */
    private Landscape shownSurface;
    /** True while the controls are set from the model, so that they do not tell it back. */
    private boolean syncing;

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
        analyses = new LandscapeAnalyses(model, resources, basinsGd, basinsMomentum, lsBasinsButton, lsBasinsCancel,
                lsBasinsProgress, lsBasinsNote, lsSweepChart, lsSweepNote, lsSliceHolder, lsSliceProgress, lsSliceNote,
                lsSliceChart, lsSliceButton, lsSliceRandomButton);
        contour.setId("lsContour");
        surface3d.setId("lsSurface3d");
        basinsGd.setId("lsBasinsGd");
        basinsMomentum.setId("lsBasinsMomentum");
        lsWritten.getStyleClass().add("data");
        lsStatus.getStyleClass().add("data");

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
            box.selectedProperty().addListener((o, was, on) -> {
                if (!syncing) {
                    model.setRacing(r, on);
                }
            });
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
        sliders.add(slider);
        shown.getStyleClass().add("data");
        shown.setMinWidth(48);
        slider.valueProperty().addListener((o, a, b) -> {
            double v = toValue.apply(b.doubleValue());
            shown.setText(Numbers.significant(v, 3));
            if (!slider.isValueChanging() && !syncing) {
                set.accept(v);
            }
        });
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing && !syncing) {
                set.accept(toValue.apply(slider.getValue()));
            }
        });
        lsSettings.addRow(row, name, slider, shown);
    }

    /** A new surface or window: its description, its expression, the start fields, and a new contour grid. */
    private void surfaceChanged() {
        shownSurface = model.surface();
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

    /** The controls as the model has them, without telling the model back (a setup changed it). */
    private void syncControls() {
        syncing = true;
        try {
            lsSurfaceBox.getSelectionModel().select(model.preset());
            for (var node : lsRacers.getChildren()) {
                if (node instanceof CheckBox box) {
                    box.setSelected(model.isRacing(Racer.valueOf(box.getId().substring("lsRacer".length()))));
                }
            }
            lsFollowBox.getSelectionModel().select(model.followed());
            Settings s = model.settings();
            double[] values = {Math.log10(s.learningRate()), s.momentum(), s.beta1(), s.beta2(), s.noise()};
            for (int i = 0; i < sliders.size(); i++) {
                sliders.get(i).setValue(values[i]);
            }
        } finally {
            syncing = false;
        }
    }

    static void background(Task<?> task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** The race moved: paths, arrows, the written update and the status line. */
    private void raceChanged() {
        if (model.surface() != shownSurface) { // set from outside: a course's setup
            shownSurface = model.surface();
            syncControls();
            surfaceChanged();
            return;
        }
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

    @FXML private void computeBasins() { analyses.computeBasins(); }

    @FXML private void cancelBasins() { analyses.cancelBasins(); }

    @FXML private void computeSweep() { analyses.computeSweep(); }

    @FXML private void computeTrajectorySlice() { analyses.slice(true); }

    @FXML private void computeRandomSlice() { analyses.slice(false); }


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
