package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Path;
import javafx.util.StringConverter;

import org.backproplab.ui.ViewListeners;

/**
 * The MNIST tab's two progress charts: the loss of each bucket of batches with its smoothed line, and the test
 * accuracy after each epoch, over epochs. Points are appended as the run adds them, all of one change at once (all
 * are drawn again only when some are removed, as when a model is opened), and the axes stay fixed and sensible
 * while there is nothing to show.
 */
final class ProgressCharts {

    private final MnistTabModel model;
    private final ResourceBundle resources;
    /** The view's listeners: these charts' go with the view. */
    private final ViewListeners listeners;
    private final XYChart.Series<Number, Number> rawLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> smoothedLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();

    ProgressCharts(MnistTabModel model, ResourceBundle resources, ViewListeners listeners) {
        this.model = model;
        this.resources = resources;
        this.listeners = listeners;
    }

    /** Puts the series into the charts and keeps them, and the axes, up with the model. */
    void bind(LineChart<Number, Number> lossChart, NumberAxis lossX, NumberAxis lossY,
              LineChart<Number, Number> accuracyChart, NumberAxis accuracyX, NumberAxis accuracyY) {
        rawLoss.setName(resources.getString("mnist.chart.loss.batches"));
        smoothedLoss.setName(resources.getString("mnist.chart.loss.smoothed"));
        lossChart.getData().add(rawLoss);
        lossChart.getData().add(smoothedLoss);
        accuracyChart.getData().add(accuracy);
        accuracyY.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number n) { return Math.round(n.doubleValue() * 1000) / 10.0 + "%"; }
            @Override public Number fromString(String s) { return null; }
        });
        // Empty charts keep fixed, sensible axes (auto-ranging over nothing gives 0–125); data ranges them itself.
        listeners.watch(List.of(model.runStateProperty()), () -> {
            range(lossY, model.lossPoints(), 2.5, 0.5);
            range(accuracyY, model.accuracyPoints(), 1, 0.2);
        });
        model.lossPoints().addListener(weakly(o -> range(lossY, model.lossPoints(), 2.5, 0.5)));
        model.accuracyPoints().addListener(weakly(o -> range(accuracyY, model.accuracyPoints(), 1, 0.2)));
        watchList(model.lossPoints(), points -> {
            rawLoss.getData().clear();
            smoothedLoss.getData().clear();
            emptyLines(lossChart, points);
            addLoss(points);
        }, added -> addLoss(added));
        watchList(model.accuracyPoints(), points -> {
            accuracy.getData().clear();
            emptyLines(accuracyChart, points);
            addAccuracy(points);
        }, added -> addAccuracy(added));
        listeners.watch(model.progressProperty(), p -> {
            int epochs = p == null ? 1 : p.epochs();
            for (NumberAxis x : List.of(lossX, accuracyX)) {
                x.setUpperBound(epochs);
                x.setTickUnit(Math.max(1, Math.ceil(epochs / 10.0)));
            }
        });
    }

    /** Data ranges the axis itself; without any it goes back to 0 to {@code upper}, whatever the last run reached. */
    private static void range(NumberAxis axis, List<?> points, double upper, double tick) {
        axis.setAutoRanging(!points.isEmpty());
        if (points.isEmpty()) {
            axis.setLowerBound(0);
            axis.setUpperBound(upper);
            axis.setTickUnit(tick);
        }
    }

    /**
     * JavaFX 21's LineChart keeps drawing the line of a series emptied at once (JDK-8283675, fixed in 22), as when a
     * run starts or a model is opened: the lines are emptied here. Taking the series out and putting them in again
     * would do too, but new nodes for the lines and the legend mean a CSS pass over them, at the start of every run.
     */
    private static void emptyLines(LineChart<Number, Number> chart, List<?> points) {
        if (points.isEmpty()) {
            for (XYChart.Series<Number, Number> series : chart.getData()) {
                if (series.getNode() instanceof Path line) {
                    line.getElements().clear();
                }
            }
        }
    }

    /**
     * Appends points to both loss lines, one list change per line: a change per point would have the chart handle
     * each on its own, and a second of a fast run brings a hundred.
     */
    private void addLoss(List<? extends LossCurve.Point> points) {
        List<XYChart.Data<Number, Number>> raw = new ArrayList<>(points.size());
        List<XYChart.Data<Number, Number>> smoothed = new ArrayList<>(points.size());
        for (LossCurve.Point pt : points) {
            raw.add(new XYChart.Data<>(pt.epoch(), pt.loss()));
            smoothed.add(new XYChart.Data<>(pt.epoch(), pt.smoothed()));
        }
        rawLoss.getData().addAll(raw);
        smoothedLoss.getData().addAll(smoothed);
    }

    private void addAccuracy(List<? extends MnistTabModel.AccuracyPoint> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (MnistTabModel.AccuracyPoint point : points) {
            data.add(new XYChart.Data<>(point.epoch(), point.accuracy()));
        }
        accuracy.getData().addAll(data);
    }

    /** An invalidation listener held as long as this view, registered weakly. */
    private InvalidationListener weakly(InvalidationListener listener) {
        listeners.hold(listener);
        return new WeakInvalidationListener(listener);
    }

    /** Shows the whole list now and when it is replaced, and appends what is added to it. */
    private <T> void watchList(ObservableList<T> list, Consumer<List<? extends T>> reset,
                               Consumer<List<? extends T>> append) {
        ListChangeListener<T> listener = change -> {
            while (change.next()) {
                if (change.wasRemoved() || change.wasPermutated() || change.wasReplaced()) {
                    reset.accept(change.getList());
                    return;
                }
                if (change.wasAdded()) {
                    append.accept(change.getAddedSubList());
                }
            }
        };
        listeners.hold(listener);
        list.addListener(new WeakListChangeListener<>(listener));
        reset.accept(list);
    }
}
