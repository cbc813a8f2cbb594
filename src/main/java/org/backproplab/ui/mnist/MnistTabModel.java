package org.backproplab.ui.mnist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.backproplab.data.DataFileException;
import org.backproplab.files.CsvTable;
import org.backproplab.data.Mnist;
import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.nn.TrainingMetrics;

/**
 * The MNIST tab's state and commands, with no nodes: the settings form, the run and its live figures, and what
 * the current model makes of test digits and of a drawing. Views bind to its properties and change it only
 * through its commands. It outlives its view (switching language reloads the view, not the model), and all of it
 * lives on the JavaFX thread: the data loads and the training runs elsewhere, and their results arrive here by
 * {@link Platform#runLater} (once, for the data) and by polling the run {@value #POLL_MILLIS} ms apart (so the
 * UI updates at most 20 times a second however fast the batches go).
 */
public final class MnistTabModel {

    /** Where the MNIST files are. */
    public enum DataState { NOT_LOADED, LOADING, READY, FAILED }

    /** Where training is; IDLE before the first run. */
    public enum RunState { IDLE, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /** The tab's views, in the order they are shown. */
    public enum View { PROGRESS, DIGITS, WEIGHTS, DRAW }

    /** One test digit in the grid, with the current model's guess (null before there is a model). */
    public record DigitCell(int index, float[] pixels, int label, Inspector.Prediction prediction) {
        public boolean wrong() {
            return prediction != null && prediction.digit() != label;
        }
    }

    /** Test accuracy after an epoch, or where a run was stopped. */
    public record AccuracyPoint(double epoch, double accuracy, boolean stopped) {
    }

    public static final int DIGITS_PER_PAGE = 30;
    public static final int WEIGHT_UNITS = 32;
    public static final int PAD_SIZE = 280;
    public static final double BRUSH_RADIUS = 12;
    static final int POLL_MILLIS = 50;
    static final int SNAPSHOT_MILLIS = 400;

    private final Path dataDirectory;
    private Mnist mnist;
    private TrainingRun run;
    private Inspector inspector;
    /** The weights the views show: the newest copy from a run, or an opened model. */
    private WeightsSnapshot shownWeights;
    private final ModelFiles modelFiles = new ModelFiles(this);
    private final Timeline poller = new Timeline(new KeyFrame(Duration.millis(POLL_MILLIS), e -> poll()));
    private final Sketch sketch = new Sketch(PAD_SIZE, BRUSH_RADIUS);

    private final ReadOnlyObjectWrapper<DataState> dataState = new ReadOnlyObjectWrapper<>(DataState.NOT_LOADED);
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");

    private final SettingsForm form = new SettingsForm(Preset.MLP_128);
    private final IntegerProperty trainingLimit = new SimpleIntegerProperty(0);
    private final ObjectProperty<View> selectedView = new SimpleObjectProperty<>(View.PROGRESS);
    private final Set<View> stale = EnumSet.noneOf(View.class);

    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyStringWrapper runError = new ReadOnlyStringWrapper("");
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

    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper digitPage = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<List<DigitCell>> digits = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper selectedDigit = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<float[]> gradient = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<float[]>> weights = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper firstLayerUnits = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper sketchVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<float[]> drawnInput = new ReadOnlyObjectWrapper<>(new float[784]);
    private final ReadOnlyObjectWrapper<double[]> drawnProbabilities = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper openedModel = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testingModel = new ReadOnlyBooleanWrapper(false);

    private final BooleanBinding training = Bindings.createBooleanBinding(
            () -> runState.get() == RunState.RUNNING || runState.get() == RunState.PAUSED, runState);
    private final BooleanBinding canStart = Bindings.createBooleanBinding(
            () -> dataState.get() == DataState.READY && form.problemProperty().get() == null && !training.get(), dataState,
            form.problemProperty(),
            training);

    /** A model that reads MNIST from this directory (when {@link #loadData()} is first called). */
    public MnistTabModel(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        poller.setCycleCount(Timeline.INDEFINITE);
        selectedView.addListener(o -> refreshVisible());
    }

    // ---- commands ----

    /** Starts reading the MNIST files in the background, once; later calls do nothing. */
    public void loadData() {
        if (dataState.get() != DataState.NOT_LOADED) {
            return;
        }
        dataState.set(DataState.LOADING);
        Thread loader = new Thread(() -> {
            try {
                Mnist loaded = Mnist.load(dataDirectory);
                Platform.runLater(() -> dataLoaded(loaded));
            } catch (DataFileException | RuntimeException e) {
                String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Platform.runLater(() -> dataFailed(message));
            }
        }, "mnist-loader");
        loader.setDaemon(true);
        loader.start();
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
        lossPoints.clear();
        accuracyPoints.clear();
        epochResults.clear();
        confusion.set(null);
        progress.set(null);
        loss.set(Double.NaN);
        testAccuracy.set(Double.NaN);
        runError.set("");
        trainingImages.set(count);
        run = TrainingRun.start(config, train, test, SNAPSHOT_MILLIS);
        runState.set(RunState.RUNNING);
        poller.play();
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
    }

    /** Shows the next (+1) or previous (−1) page of test digits, wrapping around. */
    public void turnDigitPage(int direction) {
        if (mnist == null) {
            return;
        }
        int pages = (mnist.test().count() + DIGITS_PER_PAGE - 1) / DIGITS_PER_PAGE;
        digitPage.set(Math.floorMod(digitPage.get() + direction, pages));
        refreshDigits();
    }

    /** Chooses the test digit whose ∂loss/∂input to show. */
    public void selectDigit(int testIndex) {
        selectedDigit.set(testIndex);
        refreshGradient();
    }

    /** A brush stroke on the drawing pad, in pad pixels. */
    public void stroke(double x0, double y0, double x1, double y1) {
        sketch.stroke(x0, y0, x1, y1);
        drawingChanged();
    }

    public void clearDrawing() {
        sketch.clear();
        drawingChanged();
    }

    // ---- what arrives from elsewhere ----

    private void dataLoaded(Mnist loaded) {
        mnist = loaded;
        dataState.set(DataState.READY);
        selectedDigit.set(0);
        refreshDigits();
        refreshGradient();
        modelFiles.test(); // a model opened before the test images were here
    }

    private void dataFailed(String message) {
        dataError.set(message);
        dataState.set(DataState.FAILED);
    }

    /** Takes in what the run did since the last poll; the timer calls it, and tests may. */
    void poll() {
        if (run == null) {
            poller.stop();
            return;
        }
        TrainingRun.Update u = run.poll();
        if (u.latest() != null) {
            progress.set(u.latest());
            loss.set(u.smoothed());
        }
        if (!u.points().isEmpty()) {
            lossPoints.addAll(u.points());
        }
        List<AccuracyPoint> tested = new ArrayList<>();
        int[][] lastConfusion = null;
        epochResults.addAll(u.epochs());
        for (Trainer.EpochResult r : u.epochs()) {
            tested.add(new AccuracyPoint(r.epoch(), r.testAccuracy(), false));
            lastConfusion = r.confusion();
        }
        if (u.stopped() != null) {
            tested.add(new AccuracyPoint(u.stopped().epoch(), u.stopped().evaluation().accuracy(), true));
            lastConfusion = u.stopped().evaluation().confusion();
        }
        if (!tested.isEmpty()) {
            accuracyPoints.addAll(tested);
            testAccuracy.set(tested.get(tested.size() - 1).accuracy());
            confusion.set(new ConfusionMatrix(lastConfusion));
        }
        if (u.weights() != null) {
            shownWeights = u.weights();
            if (inspector == null) {
                inspector = new Inspector(u.weights());
            } else {
                inspector.update(u.weights());
            }
            hasModel.set(true);
            refreshInspection();
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
        poller.stop();
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
        lossPoints.clear();
        accuracyPoints.clear();
        confusion.set(null);
        progress.set(null);
        loss.set(Double.NaN);
        testAccuracy.set(Double.NaN);
        trainingImages.set(0);
        runError.set("");
        runState.set(RunState.IDLE);
        shownWeights = weights;
        if (inspector == null) {
            inspector = new Inspector(weights);
        } else {
            inspector.update(weights);
        }
        openedModel.set(fileName);
        hasModel.set(true);
        refreshInspection();
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
            testAccuracy.set(result.accuracy());
            confusion.set(new ConfusionMatrix(result.confusion()));
        }
    }

    // ---- the model's view of digits and drawings ----

    /**
     * New weights: what the visible view shows is recomputed now, the rest when it is shown (the UI thread shares
     * two cores with training, so it does no more than it must).
     */
    private void refreshInspection() {
        stale.addAll(EnumSet.allOf(View.class));
        refreshVisible();
    }

    private void refreshVisible() {
        View view = selectedView.get();
        if (inspector == null || !stale.remove(view)) {
            return;
        }
        switch (view) {
            case PROGRESS -> { }
            case DIGITS -> {
                refreshDigits();
                refreshGradient();
            }
            case WEIGHTS -> {
                weights.set(inspector.firstLayerWeights(WEIGHT_UNITS));
                firstLayerUnits.set(inspector.firstLayerUnits());
            }
            case DRAW -> refreshDrawing();
        }
    }

    private void refreshDigits() {
        if (mnist == null) {
            return;
        }
        Mnist.Split test = mnist.test();
        int from = digitPage.get() * DIGITS_PER_PAGE;
        int n = Math.min(DIGITS_PER_PAGE, test.count() - from);
        float[] pixels = new float[n * test.pixelsPerImage()];
        test.gather(null, from, n, pixels, new float[n * Settings.CLASSES]);
        List<Inspector.Prediction> guesses = inspector == null ? null : inspector.predict(pixels, n);
        List<DigitCell> cells = new ArrayList<>(n);
        int p = test.pixelsPerImage();
        for (int k = 0; k < n; k++) {
            float[] image = java.util.Arrays.copyOfRange(pixels, k * p, (k + 1) * p);
            cells.add(new DigitCell(from + k, image, test.label(from + k), guesses == null ? null : guesses.get(k)));
        }
        digits.set(List.copyOf(cells));
    }

    private void refreshGradient() {
        int i = selectedDigit.get();
        if (inspector == null || mnist == null || i < 0) {
            gradient.set(null);
            return;
        }
        gradient.set(inspector.inputGradient(testPixels(i), mnist.test().label(i)));
    }

    private void drawingChanged() {
        sketchVersion.set(sketchVersion.get() + 1);
        drawnInput.set(sketch.toMnist());
        refreshDrawing();
    }

    private void refreshDrawing() {
        drawnProbabilities.set(inspector == null || sketch.isEmpty() ? null : inspector.probabilities(drawnInput.get()));
    }

    /** The pixels of test image i, scaled to [0, 1]. */
    public float[] testPixels(int i) {
        float[] x = new float[mnist.test().pixelsPerImage()];
        mnist.test().gather(null, i, 1, x, new float[Settings.CLASSES]);
        return x;
    }

    /** The true label of test image i. */
    public int testLabel(int i) {
        return mnist.test().label(i);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<DataState> dataStateProperty() { return dataState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dataErrorProperty() { return dataError.getReadOnlyProperty(); }
    public Path dataDirectory() { return dataDirectory; }

    /** The settings form. */
    public SettingsForm form() { return form; }
    /** Train on only the first this-many training images; 0 (the default) for all 60,000. */
    public IntegerProperty trainingLimitProperty() { return trainingLimit; }
    /** Which of the tab's views is showing (kept here so a reloaded view shows the same one). */
    public ObjectProperty<View> selectedViewProperty() { return selectedView; }

    public ReadOnlyObjectProperty<RunState> runStateProperty() { return runState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runErrorProperty() { return runError.getReadOnlyProperty(); }
    public BooleanBinding trainingBinding() { return training; }
    public BooleanBinding canStartBinding() { return canStart; }
    /** The last batch's progress; null before the first of a run. */
    public ReadOnlyObjectProperty<Trainer.BatchProgress> progressProperty() { return progress.getReadOnlyProperty(); }
    /** The smoothed training loss; NaN before the first batch. */
    public ReadOnlyDoubleProperty lossProperty() { return loss.getReadOnlyProperty(); }
    /** The latest test accuracy; NaN before the first epoch ends. */
    public ReadOnlyDoubleProperty testAccuracyProperty() { return testAccuracy.getReadOnlyProperty(); }
    /** How many training images the current run uses. */
    public ReadOnlyIntegerProperty trainingImagesProperty() { return trainingImages.getReadOnlyProperty(); }
    public ObservableList<LossCurve.Point> lossPoints() { return lossPointsView; }
    public ObservableList<AccuracyPoint> accuracyPoints() { return accuracyPointsView; }
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() { return confusion.getReadOnlyProperty(); }

    // ---- exports ----

    /** Each finished epoch of the run: losses, test accuracy, learning rate, seconds. */
    public CsvTable epochTable() { return TrainingMetrics.epochs(epochResults); }
    /** The loss curve's points: each bucket of batches' mean loss and the smoothed loss. */
    public CsvTable batchTable() { return LossCurve.table(lossPoints); }
    /** The last evaluation's confusion matrix; a header only before the first. */
    public CsvTable confusionTable() { return ConfusionMatrix.table(confusion.get(), Settings.CLASSES); }
    /** The model's ten probabilities for the drawing; empty without a model or a drawing. */
    public CsvTable probabilityTable() {
        CsvTable t = CsvTable.of("digit", "probability");
        double[] p = drawnProbabilities.get();
        for (int d = 0; p != null && d < p.length; d++) {
            t.add(d, p[d]);
        }
        return t;
    }

    public ReadOnlyBooleanProperty hasModelProperty() { return hasModel.getReadOnlyProperty(); }
    /** The file name of the model opened, "" when the views show a run's own (or none). */
    public ReadOnlyStringProperty openedModelProperty() { return openedModel.getReadOnlyProperty(); }
    /** True while an opened model is being tested on the test images. */
    public ReadOnlyBooleanProperty testingModelProperty() { return testingModel.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty digitPageProperty() { return digitPage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<DigitCell>> digitsProperty() { return digits.getReadOnlyProperty(); }
    /** The test image whose gradient is shown; -1 for none. */
    public ReadOnlyIntegerProperty selectedDigitProperty() { return selectedDigit.getReadOnlyProperty(); }
    /** ∂loss/∂input of the selected digit; null without a model. */
    public ReadOnlyObjectProperty<float[]> gradientProperty() { return gradient.getReadOnlyProperty(); }
    /** The first layer's weights of up to {@value #WEIGHT_UNITS} units, 784 each. */
    public ReadOnlyObjectProperty<List<float[]>> weightsProperty() { return weights.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty firstLayerUnitsProperty() { return firstLayerUnits.getReadOnlyProperty(); }
    public Sketch sketch() { return sketch; }
    /** Counts changes of the drawing, so a view knows when to repaint it. */
    public ReadOnlyIntegerProperty sketchVersionProperty() { return sketchVersion.getReadOnlyProperty(); }
    /** The drawing downsampled to 28×28, as the network sees it. */
    public ReadOnlyObjectProperty<float[]> drawnInputProperty() { return drawnInput.getReadOnlyProperty(); }
    /** The model's ten probabilities for the drawing; null without a model or a drawing. */
    public ReadOnlyObjectProperty<double[]> drawnProbabilitiesProperty() {
        return drawnProbabilities.getReadOnlyProperty();
    }
}
