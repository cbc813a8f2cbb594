package org.backproplab.ui.landscape;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;

import javafx.concurrent.Task;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;

import org.backproplab.data.ToyData;
import org.backproplab.engine.Numbers;
import org.backproplab.labs.Landscape;
import org.backproplab.labs.Landscape.Method;
import org.backproplab.labs.Landscape.Settings;
import org.backproplab.labs.LandscapeGrid;
import org.backproplab.labs.LossSlice;
import org.backproplab.labs.Playground;
import org.backproplab.labs.Surface;

/**
 * The landscape tab's views computed on request, each off the JavaFX thread: the basin maps of gradient descent and
 * momentum (with progress and cancel), Distill's momentum sweep on the ravine, and the slice of a real network's loss.
 */
final class LandscapeAnalyses {

    static final double[] SWEEP_MOMENTA = {0, 0.5, 0.9, 0.99};
    static final int SWEEP_STEPS = 300;
    /** The network slice: the playground's network after 30 epochs, on a 41 × 41 grid. */
    static final int SLICE_EPOCHS = 30;
    static final int SLICE_GRID = 41;
    private static final String GD_COLOUR = "#ff3b3b";
    /** The basin maps: 100 × 100 starts, 500 steps each. */
    static final int BASIN_GRID = 100;
    static final int BASIN_STEPS = 500;

    private final LandscapeTabModel model;
    private final ResourceBundle resources;
    private final BasinView basinsGd;
    private final BasinView basinsMomentum;
    private final Button lsBasinsButton;
    private final Button lsBasinsCancel;
    private final ProgressBar lsBasinsProgress;
    private final Label lsBasinsNote;
    private final LineChart<Number, Number> lsSweepChart;
    private final Label lsSweepNote;
    private final ProgressBar lsSliceProgress;
    private final Label lsSliceNote;
    private final LineChart<Number, Number> lsSliceChart;
    private final Button lsSliceButton;
    private final Button lsSliceRandomButton;
    private final ContourView slice = new ContourView((x, y) -> { });
    private Task<?> basinTask;
    private LossSlice.Slice lastSlice;

    LandscapeAnalyses(LandscapeTabModel model, ResourceBundle resources, BasinView basinsGd, BasinView basinsMomentum,
                      Button basinsButton, Button basinsCancel, ProgressBar basinsProgress, Label basinsNote,
                      LineChart<Number, Number> sweepChart, Label sweepNote, StackPane sliceHolder,
                      ProgressBar sliceProgress, Label sliceNote, LineChart<Number, Number> sliceChart,
                      Button sliceButton, Button sliceRandomButton) {
        this.model = model;
        this.resources = resources;
        this.basinsGd = basinsGd;
        this.basinsMomentum = basinsMomentum;
        this.lsBasinsButton = basinsButton;
        this.lsBasinsCancel = basinsCancel;
        this.lsBasinsProgress = basinsProgress;
        this.lsBasinsNote = basinsNote;
        this.lsSweepChart = sweepChart;
        this.lsSweepNote = sweepNote;
        this.lsSliceProgress = sliceProgress;
        this.lsSliceNote = sliceNote;
        this.lsSliceChart = sliceChart;
        this.lsSliceButton = sliceButton;
        this.lsSliceRandomButton = sliceRandomButton;
        sliceHolder.getChildren().add(slice);
        slice.setId("lsSlice");
        for (Label data : List.of(basinsNote, sweepNote, sliceNote)) {
            data.getStyleClass().add("data");
        }
    }

    void computeBasins() {
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
        LandscapeTabController.background(task, "landscape-basins");
    }

    private void basinsDone() {
        lsBasinsProgress.progressProperty().unbind();
        lsBasinsProgress.setProgress(0);
        lsBasinsCancel.setDisable(true);
        lsBasinsButton.setDisable(false);
    }

    void cancelBasins() {
        if (basinTask != null && basinTask.isRunning()) {
            basinTask.cancel();
        }
    }

    /** Distill's view: f against step on the ravine for μ from 0 to 0.99 and the critical μ, at the current η. */
    void computeSweep() {
        Landscape ravine = Landscape.of(Surface.RAVINE);
        double lr = Math.min(model.settings().learningRate(), 0.09);
        Task<LandscapeGrid.Sweep> task = new Task<>() {
            @Override
            protected LandscapeGrid.Sweep call() {
                // The critical μ is one of the curves: found where the sweep's μ = 0 path ends, as the sweep finds it.
                double critical = LandscapeGrid.criticalMomentum(ravine, lr, Surface.RAVINE.start(), SWEEP_STEPS);
                double[] momenta = java.util.Arrays.copyOf(SWEEP_MOMENTA, SWEEP_MOMENTA.length + 1);
                momenta[SWEEP_MOMENTA.length] = Double.isFinite(critical) ? critical : 0.5;
                java.util.Arrays.sort(momenta);
                return LandscapeGrid.momentumSweep(ravine, lr, momenta, Surface.RAVINE.start(), SWEEP_STEPS);
            }
        };
        task.setOnSucceeded(e -> showSweep(task.getValue()));
        LandscapeTabController.background(task, "landscape-sweep");
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

    void slice(boolean trajectory) {
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
        LandscapeTabController.background(task, "landscape-slice");
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

}
