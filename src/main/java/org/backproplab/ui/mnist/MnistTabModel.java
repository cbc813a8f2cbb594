package org.backproplab.ui.mnist;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;

import org.backproplab.files.CsvTable;
import org.backproplab.data.Mnist;
import org.backproplab.lesson.LeafSources;
import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Model;
import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.ui.BackgroundLoad;

/**
 * The MNIST tab's state and commands, with no nodes: the settings form, the run and its live figures, and what
 * the current model makes of test digits and of a drawing. Views bind to its properties and change it only
 * through its commands. It outlives its view (switching language reloads the view, not the model), and all of it
 * lives on the JavaFX thread: the data loads and the training runs elsewhere, and their results arrive here by
 * {@link Platform#runLater}: once, for the data; for a run, a poll each time the run has news, at most every
 * {@value #POLL_MILLIS} ms (so the UI updates at most 5 times a second however fast the batches go: every update
 * lays out and draws the tab, and on two cores that work costs training far more than its own CPU time — see
 * {@code RunFigures}). There is no timer: a playing {@code Timeline} would keep the toolkit pulsing 60 times a
 * second for the whole run. A run's figures are kept in {@code RunFigures}, what the model makes of digits and
 * drawings in {@code ModelViews}.
 */
public final class MnistTabModel {


    /** Where training is; IDLE before the first run. */
    public enum RunState { IDLE, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /** The tab's views, in the order they are shown. */
    public enum View { PROGRESS, DIGITS, WEIGHTS, DRAW, BATCHES }

    /** One test digit in the grid, with the current model's guess (null before there is a model). */
    public record DigitCell(int index, float[] pixels, int label, Inspector.Prediction prediction) {
        public boolean wrong() {
            return prediction != null && prediction.digit() != label;
        }
    }

    /** Test accuracy after an epoch, or where a run was stopped. */
    /**
     * A test digit attacked by FGSM: the image after one step of ε, the model's probabilities before and after, and
     * the largest change of a pixel (ε, or less where clipping to [0, 1] cut it).
     */
    public record Attack(int index, double epsilon, float[] adversarial, double[] before, double[] after,
                         double maxPixelChange) {
    }

    public record AccuracyPoint(double epoch, double accuracy, boolean stopped) {
    }

    public static final int DIGITS_PER_PAGE = 30;
    public static final int WEIGHT_UNITS = 32;
    public static final int PAD_SIZE = 280;
    public static final double BRUSH_RADIUS = 12;
    /** How often, at most, the run's figures reach the view while it trains. */
    static final int POLL_MILLIS = 200;
    /**
     * How often, at most, the views that show the model (test digits, weights, drawing) get new weights while a run
     * trains (and at each epoch's end): each time, the one in sight is recomputed on the UI thread.
     */
    static final int SNAPSHOT_MILLIS = 1000;

    private final Path dataDirectory;
    private Mnist mnist;
    private TrainingRun run;
    /** The weights the views show: the newest copy from a run, or an opened model. */
    private WeightsSnapshot shownWeights;
    private final ModelFiles modelFiles = new ModelFiles(this);
    private final RunFigures figures = new RunFigures();
    private final ModelViews views = new ModelViews(() -> mnist == null ? null : mnist.test());

    private final ReadOnlyObjectWrapper<BackgroundLoad.State> dataState =
            new ReadOnlyObjectWrapper<>(BackgroundLoad.State.NOT_LOADED);
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");

    private final SettingsForm form = new SettingsForm(Preset.MLP_128);
    private final IntegerProperty trainingLimit = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyStringWrapper runError = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper openedModel = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testingModel = new ReadOnlyBooleanWrapper(false);

    private final BooleanBinding training = Bindings.createBooleanBinding(
            () -> runState.get() == RunState.RUNNING || runState.get() == RunState.PAUSED, runState);
    private final BatchSizeComparison batchSizes = new BatchSizeComparison();
    /** Not while the Batch sizes view races: the two would share the cores and slow each other's figures. */
    private final BooleanBinding canStart = Bindings.createBooleanBinding(
            () -> dataState.get() == BackgroundLoad.State.READY && form.problemProperty().get() == null
                    && !training.get() && !batchSizes.runningProperty().get(), dataState,
            form.problemProperty(),
            training, batchSizes.runningProperty());

    /** Opens a batch lesson in the step-through view; false while that view is busy. */
    @FunctionalInterface
    public interface BatchOpener {
        boolean open(String name, NetworkLesson.Batch batch);
    }

    private BatchOpener batchOpener = (name, batch) -> false;
    /** How many batches Step through one batch has opened: each takes the next eight training images. */
    private int batchesOpened;

    /** A model that reads MNIST from this directory (when {@link #loadData()} is first called). */
    public MnistTabModel(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    // ---- commands ----

    /** Starts reading the MNIST files in the background, once; later calls do nothing. */
    public void loadData() {
        if (dataState.get() != BackgroundLoad.State.NOT_LOADED) {
            return;
        }
        dataState.set(BackgroundLoad.State.LOADING);
        BackgroundLoad.start("mnist-loader", () -> Mnist.load(dataDirectory), this::dataLoaded, this::dataFailed);
    }

    /** Starts a run with the settings of the form, if they are valid and nothing is running. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        TrainingConfig config = form.config();
        int count = trainingLimit.get() > 0 ? Math.min(trainingLimit.get(), mnist.train().count()) : mnist.train().count();
        Examples train = new Examples(mnist.train().name(), count, mnist.train().pixelsPerImage(), Settings.CLASSES,
                mnist.train()::gather);
        Examples test = testExamples();
        openedModel.set("");
        testingModel.set(false);
        figures.clearEpochs();
        figures.clear(count);
        runError.set("");
        run = TrainingRun.start(config, train, test, SNAPSHOT_MILLIS, POLL_MILLIS, () -> Platform.runLater(this::poll));
        runState.set(RunState.RUNNING);
    }

    public void pause() {
        if (run != null && runState.get() == RunState.RUNNING) {
            run.pause();
            runState.set(RunState.PAUSED);
        }
    }

    public void resume() {
        if (run != null && runState.get() == RunState.PAUSED) {
            run.resume();
            runState.set(RunState.RUNNING);
        }
    }

    /** Asks the run to stop after its current batch; the tab shows where it stopped once it has. */
    public void stop() {
        if (run != null) {
            run.stop();
        }
    }

    /** Stops any run (the window is closing); does not wait for it. */
    public void shutdown() {
        stop();
        batchSizes.cancel(); // a comparison stops after its step, too
    }

    /** Shows the next (+1) or previous (−1) page of test digits, wrapping around. */
    public void turnDigitPage(int direction) {
        views.turnDigitPage(direction);
    }

    /** The Batch sizes view: the form's network raced for the same time at several batch sizes. */
    public BatchSizeComparison batchSizes() {
        return batchSizes;
    }

    /**
     * Compare on the Batch sizes view: the form's network (its optimizer, rate and seed) at each batch size of the
     * view's list on the training images the tab trains on, the loss measured on the first 2,000 of them. Not while a
     * run trains (they would share the cores) nor before the data is in.
     */
    public void compareBatchSizes() {
        if (mnist == null || trainingBinding().get() || form.problemProperty().get() != null) {
            return;
        }
        int count = trainingLimit.get() > 0 ? Math.min(trainingLimit.get(), mnist.train().count()) : mnist.train().count();
        Examples train = new Examples(mnist.train().name(), count, mnist.train().pixelsPerImage(), Settings.CLASSES,
                mnist.train()::gather);
        Examples measure = new Examples(mnist.train().name(), Math.min(2000, count), mnist.train().pixelsPerImage(),
                Settings.CLASSES, mnist.train()::gather);
        batchSizes.start(form.config(), train, measure);
    }

    /** Where Step through one batch opens its lesson: the window's step-through view. */
    public void setBatchOpener(BatchOpener opener) {
        batchOpener = opener;
    }

    /**
     * Step through one batch: the weights the views show (a run's newest, or an opened model), or a new network of
     * the form's settings when there are none, on the next eight training images, opened in the step-through view.
     * Returns null when it opened, else why not: a message key and its arguments.
     */
    BatchLessons.Refused stepThroughBatch() {
        if (dataState.get() != BackgroundLoad.State.READY) {
            return new BatchLessons.Refused("mnist.batch.refused.data");
        }
        Model source;
        if (shownWeights != null) {
            source = shownWeights.toModel();
        } else if (form.problemProperty().get() == null) {
            TrainingConfig config = form.config();
            source = new Model(config, config.buildNetwork());
        } else {
            return new BatchLessons.Refused("mnist.batch.refused.form");
        }
        BatchLessons.Refused refused = BatchLessons.open(source, batchesOpened * BatchLessons.IMAGES % mnist.train().count(),
                batchOpener);
        if (refused == null) {
            batchesOpened++;
        }
        return refused;
    }

    /** Attacks the selected test digit by one FGSM step of {@code epsilon} (and each digit selected after). */
    public void attack(double epsilon) {
        views.attack(epsilon);
    }

    /** Chooses the test digit whose ∂loss/∂input to show. */
    public void selectDigit(int testIndex) {
        views.selectDigit(testIndex);
    }

    /** A brush stroke on the drawing pad, in pad pixels. */
    public void stroke(double x0, double y0, double x1, double y1) {
        views.stroke(x0, y0, x1, y1);
    }

    public void clearDrawing() {
        views.clearDrawing();
    }

    // ---- what arrives from elsewhere ----

    private void dataLoaded(Mnist loaded) {
        mnist = loaded;
        LeafSources.offer(loaded.train()); // a batch lesson names these images: no second read
        dataState.set(BackgroundLoad.State.READY);
        views.testImagesLoaded();
        modelFiles.test(); // a model opened before the test images were here
    }

    private void dataFailed(String message) {
        dataError.set(message);
        dataState.set(BackgroundLoad.State.FAILED);
    }

    /** Takes in what the run did since the last poll; the run's news calls it, and tests may. */
    void poll() {
        if (run == null || !training.get()) {
            return; // a late call after the run's end was taken in
        }
        TrainingRun.Update u = run.poll();
        figures.take(u);
        if (u.weights() != null) {
            shownWeights = u.weights();
            views.use(u.weights());
            hasModel.set(true);
            views.refresh();
        }
        switch (u.state()) {
            case RUNNING, PAUSED -> { }
            case FINISHED -> finish(RunState.FINISHED);
            case STOPPED -> finish(RunState.STOPPED);
            case FAILED -> {
                runError.set(u.error());
                finish(RunState.FAILED);
            }
        }
    }

    private void finish(RunState end) {
        runState.set(end);
    }

    // ---- saved models ----

    /** Saves the model the views show (a run's newest weights, or an opened model) with nn.ModelFile, atomically. */
    public CompletableFuture<Void> saveModel(Path file) {
        return modelFiles.save(file);
    }

    /**
     * Opens a model saved before and shows it in every view in place of the last run; it is then tested on the test
     * images in the background ({@link #testingModelProperty()}). Refused while a run is training.
     */
    public CompletableFuture<Void> openModel(Path file) {
        return modelFiles.open(file);
    }

    WeightsSnapshot shownWeights() {
        return shownWeights;
    }

    /** The test images as examples; null until they are loaded. */
    Examples testExamples() {
        return mnist == null ? null : new Examples(mnist.test().name(), mnist.test().count(),
                mnist.test().pixelsPerImage(), Settings.CLASSES, mnist.test()::gather);
    }

    /** An opened model takes the place of the last run: its figures go, every view shows the model. */
    void showOpened(String fileName, WeightsSnapshot weights) {
        figures.clear(0);
        runError.set("");
        runState.set(RunState.IDLE);
        shownWeights = weights;
        views.use(weights);
        openedModel.set(fileName);
        hasModel.set(true);
        views.refresh();
    }

    void testing(boolean on) {
        testingModel.set(on);
    }

    /** The test of an opened model (null: it failed); ignored when another model is shown by now. */
    void showTested(WeightsSnapshot weights, Evaluation result) {
        if (weights != shownWeights) {
            return;
        }
        testingModel.set(false);
        if (result != null) {
            figures.showTested(result);
        }
    }

    // ---- the test images ----

    /** The pixels of test image i, scaled to [0, 1]. */
    public float[] testPixels(int i) {
        return views.testPixels(i);
    }

    /** The true label of test image i. */
    public int testLabel(int i) {
        return mnist.test().label(i);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<BackgroundLoad.State> dataStateProperty() { return dataState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dataErrorProperty() { return dataError.getReadOnlyProperty(); }
    public Path dataDirectory() { return dataDirectory; }

    /** The settings form. */
    public SettingsForm form() { return form; }
    /** Train on only the first this-many training images; 0 (the default) for all 60,000. */
    public IntegerProperty trainingLimitProperty() { return trainingLimit; }
    /** Which of the tab's views is showing (kept here so a reloaded view shows the same one). */
    public ObjectProperty<View> selectedViewProperty() { return views.selectedViewProperty(); }

    public ReadOnlyObjectProperty<RunState> runStateProperty() { return runState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runErrorProperty() { return runError.getReadOnlyProperty(); }
    public BooleanBinding trainingBinding() { return training; }
    public BooleanBinding canStartBinding() { return canStart; }
    /** The last batch's progress; null before the first of a run. */
    public ReadOnlyObjectProperty<Trainer.BatchProgress> progressProperty() { return figures.progressProperty(); }
    /** The smoothed training loss; NaN before the first batch. */
    public ReadOnlyDoubleProperty lossProperty() { return figures.lossProperty(); }
    /** The latest test accuracy; NaN before the first epoch ends. */
    public ReadOnlyDoubleProperty testAccuracyProperty() { return figures.testAccuracyProperty(); }
    /** How many training images the current run uses. */
    public ReadOnlyIntegerProperty trainingImagesProperty() { return figures.trainingImagesProperty(); }
    public ObservableList<LossCurve.Point> lossPoints() { return figures.lossPoints(); }
    public ObservableList<AccuracyPoint> accuracyPoints() { return figures.accuracyPoints(); }
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return figures.confusionProperty(); }

    // ---- exports ----

    /** Each finished epoch of the run: losses, test accuracy, learning rate, seconds. */
    public CsvTable epochTable() { return figures.epochTable(); }
    /** The loss curve's points: each bucket of batches' mean loss and the smoothed loss. */
    public CsvTable batchTable() { return figures.batchTable(); }
    /** The last evaluation's confusion matrix; a header only before the first. */
    public CsvTable confusionTable() { return figures.confusionTable(); }
    /** The model's ten probabilities for the drawing; empty without a model or a drawing. */
    public CsvTable probabilityTable() { return views.probabilityTable(); }

    public ReadOnlyBooleanProperty hasModelProperty() { return hasModel.getReadOnlyProperty(); }
    /** The file name of the model opened, "" when the views show a run's own (or none). */
    public ReadOnlyStringProperty openedModelProperty() { return openedModel.getReadOnlyProperty(); }
    /** True while an opened model is being tested on the test images. */
    public ReadOnlyBooleanProperty testingModelProperty() { return testingModel.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty digitPageProperty() { return views.digitPageProperty(); }
    public ReadOnlyObjectProperty<List<DigitCell>> digitsProperty() { return views.digitsProperty(); }
    /** The test image whose gradient is shown; -1 for none. */
    public ReadOnlyIntegerProperty selectedDigitProperty() { return views.selectedDigitProperty(); }
    /** ∂loss/∂input of the selected digit; null without a model. */
    public ReadOnlyObjectProperty<float[]> gradientProperty() { return views.gradientProperty(); }
    /** The FGSM attack on the selected digit, once asked for; null before, or without a model. */
    public ReadOnlyObjectProperty<Attack> attackProperty() { return views.attackProperty(); }
    /** The first layer's weights of up to {@value #WEIGHT_UNITS} units, 784 each. */
    public ReadOnlyObjectProperty<List<float[]>> weightsProperty() { return views.weightsProperty(); }
    public ReadOnlyIntegerProperty firstLayerUnitsProperty() { return views.firstLayerUnitsProperty(); }
    public Sketch sketch() { return views.sketch(); }
    /** Counts changes of the drawing, so a view knows when to repaint it. */
    public ReadOnlyIntegerProperty sketchVersionProperty() { return views.sketchVersionProperty(); }
    /** The drawing downsampled to 28×28, as the network sees it. */
    public ReadOnlyObjectProperty<float[]> drawnInputProperty() { return views.drawnInputProperty(); }
    /** The model's ten probabilities for the drawing; null without a model or a drawing. */
    public ReadOnlyObjectProperty<double[]> drawnProbabilitiesProperty() {
        return views.drawnProbabilitiesProperty();
    }
}
