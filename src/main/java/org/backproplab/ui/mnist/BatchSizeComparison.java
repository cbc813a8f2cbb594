package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.backproplab.nn.BatchSizeRace;
import org.backproplab.nn.Examples;
import org.backproplab.nn.TrainingConfig;

/**
 * The MNIST tab's *Batch sizes* view: the form's network trained for the same time at several batch sizes
 * ({@link BatchSizeRace}) on a daemon thread, with progress and cancel; each lane's loss points as they come, then its
 * steps and the time a step and an epoch take. The fields are text as typed, checked on Compare.
 */
public final class BatchSizeComparison {

    /** The view's state: every lane so far (a lane's result once it has ended), and what went wrong, if anything. */
    public record Lanes(List<Lane> lanes) {
        public Lanes {
            lanes = List.copyOf(lanes);
        }
    }

    /** One batch size: the points so far, and its result once run (null while running). */
    public record Lane(int batchSize, List<BatchSizeRace.Point> points, BatchSizeRace.Lane result) {
        public Lane {
            points = List.copyOf(points);
        }
    }

    /** A problem with the fields: the message key and its argument. */
    public record Problem(String key, Object argument) {
    }

    public static final String DEFAULT_SIZES = "1, 32, 128, 1024, 60000";
    public static final String DEFAULT_SECONDS = "20";
    public static final double MAX_SECONDS = 600;

    private final StringProperty sizes = new SimpleStringProperty(DEFAULT_SIZES);
    private final StringProperty seconds = new SimpleStringProperty(DEFAULT_SECONDS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Lanes> lanes = new ReadOnlyObjectWrapper<>(new Lanes(List.of()));
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean cancelled = new AtomicBoolean();

    public StringProperty sizesProperty() { return sizes; }
    public StringProperty secondsProperty() { return seconds; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Lanes> lanesProperty() { return lanes.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }

    /**
     * Checks the fields and starts the race on {@code train}, the loss measured on {@code measure}; a problem with a
     * field is set instead (and nothing starts). Call on the JavaFX thread.
     */
    public void start(TrainingConfig config, Examples train, Examples measure) {
        if (running.get()) {
            return;
        }
        int[] batchSizes = parseSizes(sizes.get(), train.count());
        double each = parseSeconds(seconds.get());
        if (batchSizes == null || Double.isNaN(each)) {
            return;
        }
        problem.set(null);
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        List<Lane> shown = new ArrayList<>();
        lanes.set(new Lanes(shown));
        Thread t = new Thread(() -> {
            try {
                List<BatchSizeRace.Lane> results = BatchSizeRace.race(config, train, measure, batchSizes, each,
                        new BatchSizeRace.Listener() {
                            @Override
                            public void point(int lane, BatchSizeRace.Point p) {
                                Platform.runLater(() -> addPoint(shown, batchSizes[lane], lane, p));
                            }

                            @Override
                            public void progress(int lane, double fraction) {
                                double whole = (lane + fraction) / batchSizes.length;
                                Platform.runLater(() -> progress.set(whole));
                            }
                        }, stop::get);
                Platform.runLater(() -> finish(shown, results));
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    problem.set(new Problem("mnist.batches.failed", String.valueOf(e.getMessage())));
                    running.set(false);
                });
            }
        }, "mnist-batch-sizes");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the race after the step it is on; the lanes run so far stay. */
    public void cancel() {
        cancelled.set(true);
    }

    private void addPoint(List<Lane> shown, int batchSize, int lane, BatchSizeRace.Point p) {
        if (lane == shown.size()) {
            shown.add(new Lane(batchSize, List.of(p), null));
        } else {
            Lane l = shown.get(lane);
            List<BatchSizeRace.Point> points = new ArrayList<>(l.points());
            points.add(p);
            shown.set(lane, new Lane(batchSize, points, null));
        }
        lanes.set(new Lanes(shown));
    }

    private void finish(List<Lane> shown, List<BatchSizeRace.Lane> results) {
        for (int i = 0; i < results.size() && i < shown.size(); i++) {
            shown.set(i, new Lane(results.get(i).batchSize(), results.get(i).points(), results.get(i)));
        }
        lanes.set(new Lanes(shown));
        running.set(false);
        progress.set(cancelled.get() ? progress.get() : 1);
    }

    private int[] parseSizes(String text, int count) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int n = Integer.parseInt(part.replace("_", ""));
                if (n < 1 || n > count) {
                    problem.set(new Problem("mnist.batches.badSize", part));
                    return null;
                }
                list.add(n);
            } catch (NumberFormatException e) {
                problem.set(new Problem("mnist.batches.badSize", part));
                return null;
            }
        }
        if (list.isEmpty() || list.size() > 8) {
            problem.set(new Problem("mnist.batches.count", list.size()));
            return null;
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private double parseSeconds(String text) {
        try {
            double s = Double.parseDouble(text.strip());
            if (s > 0 && s <= MAX_SECONDS) {
                return s;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problem.set(new Problem("mnist.batches.badSeconds", text.strip()));
        return Double.NaN;
    }
}
