package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.backproplab.files.CsvTable;
import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingMetrics;
import org.backproplab.ui.mnist.MnistTabModel.AccuracyPoint;

/**
 * The live figures of a training run, as the MNIST tab shows them: the last batch's progress, the smoothed loss and
 * its curve, the test accuracy after each epoch and its curve, the last confusion matrix, how many images the run
 * trains on, and every finished epoch for File ▸ Export ▸ Metrics. A run's updates come in through {@link #take}.
 * The batch figures are live; what is drawn — new points of the loss curve, and each finished epoch's accuracy point,
 * test accuracy and confusion matrix — reaches the view at most every {@value #CHART_MILLIS} ms while a run trains,
 * all together, and at once when the run pauses or ends. Each of those updates lays out and draws the charts and
 * the matrix again, and an epoch of 784-128-10 takes a fifth of a second: shown as each epoch ended, they came five
 * times a second. Measured with {@code MnistTabSpeedTest} on two cores, the UI's work while a run trains costs
 * training more than its own CPU time: the kernels split each product over both cores, and what the UI's threads
 * take of the second core (with the JIT compiler, compiling the UI's code as it gets hot) the product waits for.
 */
final class RunFigures {

    /** How often, at most, new loss points go to the chart while a run trains. */
    static final int CHART_MILLIS = 1000;

    private final LongSupplier nanoClock;
    /** Loss points and finished epochs taken in but not yet shown, and when they were last shown. */
    private final List<LossCurve.Point> heldPoints = new ArrayList<>();
    private final List<Trainer.EpochResult> heldEpochs = new ArrayList<>();
    private long shownAt;

    private final ReadOnlyObjectWrapper<Trainer.BatchProgress> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper loss = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper testAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyIntegerWrapper trainingImages = new ReadOnlyIntegerWrapper();
    private final ObservableList<LossCurve.Point> lossPoints = FXCollections.observableArrayList();
    private final ObservableList<AccuracyPoint> accuracyPoints = FXCollections.observableArrayList();
    // Made once: a view listens to these read-only wrappers, which must live as long as the model.
    private final ObservableList<LossCurve.Point> lossPointsView = FXCollections.unmodifiableObservableList(lossPoints);
    private final ObservableList<AccuracyPoint> accuracyPointsView =
            FXCollections.unmodifiableObservableList(accuracyPoints);
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>();
    /** Every finished epoch of the current run, for File ▸ Export ▸ Metrics. */
    private final List<Trainer.EpochResult> epochResults = new ArrayList<>();

    RunFigures() {
        this(System::nanoTime);
    }

    /** Figures that read the time from {@code nanoClock} (tests pass their own). */
    RunFigures(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.shownAt = nanoClock.getAsLong();
    }

    /** Forgets the finished epochs (a new run starts); {@link #clear} keeps them. */
    void clearEpochs() {
        epochResults.clear();
    }

    /** No figures: before a run on {@code images} training images, or for an opened model (0 images). */
    void clear(int images) {
        heldPoints.clear();
        heldEpochs.clear();
        shownAt = nanoClock.getAsLong();
        lossPoints.clear();
        accuracyPoints.clear();
        confusion.set(null);
        progress.set(null);
        loss.set(Double.NaN);
        testAccuracy.set(Double.NaN);
        trainingImages.set(images);
    }

    /** Takes in what the run did since the last poll: batches, finished epochs, and where it stopped. */
    void take(TrainingRun.Update u) {
        if (u.latest() != null) {
            progress.set(u.latest());
            loss.set(u.smoothed());
        }
        epochResults.addAll(u.epochs());
        heldPoints.addAll(u.points());
        heldEpochs.addAll(u.epochs());
        long now = nanoClock.getAsLong();
        // A stopped run's evaluation comes once, and may come just before its state says so: never held.
        boolean due = u.state() != TrainingRun.State.RUNNING || u.stopped() != null
                || now - shownAt >= CHART_MILLIS * 1_000_000L;
        if (!due || heldPoints.isEmpty() && heldEpochs.isEmpty() && u.stopped() == null) {
            return;
        }
        shownAt = now;
        if (!heldPoints.isEmpty()) {
            lossPoints.addAll(heldPoints);
            heldPoints.clear();
        }
        List<AccuracyPoint> tested = new ArrayList<>();
        int[][] lastConfusion = null;
        for (Trainer.EpochResult r : heldEpochs) {
            tested.add(new AccuracyPoint(r.epoch(), r.testAccuracy(), false));
            lastConfusion = r.confusion();
        }
        heldEpochs.clear();
        if (u.stopped() != null) {
            tested.add(new AccuracyPoint(u.stopped().epoch(), u.stopped().evaluation().accuracy(), true));
            lastConfusion = u.stopped().evaluation().confusion();
        }
        if (!tested.isEmpty()) {
            accuracyPoints.addAll(tested);
            testAccuracy.set(tested.get(tested.size() - 1).accuracy());
            confusion.set(new ConfusionMatrix(lastConfusion));
        }
    }

    /** The test of an opened model: its accuracy and confusion matrix. */
    void showTested(Evaluation result) {
        testAccuracy.set(result.accuracy());
        confusion.set(new ConfusionMatrix(result.confusion()));
    }

    ReadOnlyObjectProperty<Trainer.BatchProgress> progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty lossProperty() { return loss.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty testAccuracyProperty() { return testAccuracy.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty trainingImagesProperty() { return trainingImages.getReadOnlyProperty(); }
    ObservableList<LossCurve.Point> lossPoints() { return lossPointsView; }
    ObservableList<AccuracyPoint> accuracyPoints() { return accuracyPointsView; }
    ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }

    CsvTable epochTable() { return TrainingMetrics.epochs(epochResults); }
    CsvTable batchTable() { return LossCurve.table(lossPoints); }
    CsvTable confusionTable() { return ConfusionMatrix.table(confusion.get(), Settings.CLASSES); }
}
