package org.backproplab.ui.playground;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.backproplab.data.DataFileException;
import org.backproplab.data.ToyCsv;
import org.backproplab.data.ToyData;
import org.backproplab.files.CsvTable;
import org.backproplab.stepper.LossHistory;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;

/**
 * The Playground tab's state and commands, with no nodes: the settings, the points, the run (play, pause, step,
 * reset) and the frame it shows, the selected weight or bias, and Explain. Views bind to its read-only properties and
 * change it only through its commands, on the JavaFX thread. It outlives its view (a language switch reloads the
 * view, not this). The network itself lives on the {@link PlaygroundRun}'s thread; what arrives here is frames.
 */
public final class PlaygroundTabModel {

    /** Opens an Explain lesson in the step-through view (the main window does); false when that view is busy. */
    @FunctionalInterface
    public interface Explainer {
        boolean open(ExplainLesson lesson);
    }

    /** The message key {@link #explainErrorProperty()} holds when the step-through view could not take the lesson. */
    public static final String STEPPER_BUSY = "playground.explain.busy";

    /** The speeds offered, in epochs a second; {@link PlaygroundRun#FASTEST} (0) for as fast as it goes. */
    public static final List<Integer> SPEEDS = List.of(1, 5, 20, 60, 200, PlaygroundRun.FASTEST);
    public static final int DEFAULT_SPEED = 60;

    private final PlaygroundRun run;
    private final ReadOnlyObjectWrapper<PlaygroundSettings> settings =
            new ReadOnlyObjectWrapper<>(PlaygroundSettings.defaults());
    private final ReadOnlyObjectWrapper<PlaygroundData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PlaygroundRun.Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ParamRef> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper explainError = new ReadOnlyStringWrapper("");
    private final IntegerProperty speed = new SimpleIntegerProperty(DEFAULT_SPEED);
    /** Classification needs labels 0 and 1: a file with other labels can only be fitted as values. */
    private final BooleanBinding canTrain = Bindings.createBooleanBinding(() -> data.get() != null
            && (settings.get().problem() == Playground.Problem.REGRESSION || data.get().binaryLabels()), data, settings);
    private ToyData.Points filePoints;
    private String fileName;
    private long framesShown;
    private Explainer explainer = lesson -> false;

    /** A model whose run reports on the JavaFX thread. */
    public PlaygroundTabModel() {
        this(Platform::runLater);
    }

    /** A model whose run reports through {@code ui} (tests without a screen pass {@code Runnable::run}). */
    public PlaygroundTabModel(Consumer<Runnable> ui) {
        run = new PlaygroundRun(ui, this::show);
        run.setSpeed(DEFAULT_SPEED);
        speed.addListener((o, a, b) -> run.setSpeed(b.intValue()));
        data.set(makeData(settings.get()));
        run.rebuild(settings.get().config(), data.get());
    }

    public void setExplainer(Explainer explainer) {
        this.explainer = explainer;
    }

    // ---- what the view reads ----

    public ReadOnlyObjectProperty<PlaygroundSettings> settingsProperty() { return settings.getReadOnlyProperty(); }
    public PlaygroundSettings settings() { return settings.get(); }
    public ReadOnlyObjectProperty<PlaygroundData> dataProperty() { return data.getReadOnlyProperty(); }
    /** Why the last file could not be loaded (names the line and why); "" when it could. */
    public ReadOnlyStringProperty dataErrorProperty() { return dataError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    /** The message of the last Explain that failed, or {@link #STEPPER_BUSY}; "" when it worked. */
    public ReadOnlyStringProperty explainErrorProperty() { return explainError.getReadOnlyProperty(); }
    /** The newest frame of the run; null until the first arrives. */
    public ReadOnlyObjectProperty<PlaygroundRun.Frame> frameProperty() { return frame.getReadOnlyProperty(); }
    /** The training and test loss after every epoch shown so far, for File ▸ Export and the loss plot's menu. */
    public CsvTable lossTable() {
        PlaygroundRun.Frame f = frame.get();
        return f == null ? CsvTable.of("epoch", "train_loss", "test_loss") : LossHistory.table("epoch",
                List.of("train_loss", "test_loss"), List.of(f.trainLoss(), f.testLoss()), f.trainLoss().count());
    }
    /** The weight or bias chosen for the inspector; null for none. */
    public ReadOnlyObjectProperty<ParamRef> selectedProperty() { return selected.getReadOnlyProperty(); }
    /** Epochs a second while playing; 0 for as fast as it goes. */
    public IntegerProperty speedProperty() { return speed; }
    /** False when the points cannot be trained on as the settings say (classification of labels other than 0/1). */
    public BooleanBinding canTrainBinding() { return canTrain; }
    /** How many frames have been shown: the view's updates, for measuring their rate. */
    public long framesShown() { return framesShown; }
    /** The run, for tests and the frame-rate measurement. */
    PlaygroundRun run() { return run; }

    // ---- the run ----

    public void play() {
        if (canTrain.get()) {
            run.play();
            playing.set(true);
        }
    }

    public void pause() {
        run.pause();
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One epoch (while paused). */
    public void step() {
        if (!playing.get() && canTrain.get()) {
            run.step();
        }
    }

    /** The network as it started: the same first weights (the seed is the same), epoch 0, no losses. */
    public void reset() {
        pause();
        run.rebuild(settings.get().config(), data.get());
    }

    /** Stops training for good (the window closes). */
    public void shutdown() {
        run.close();
    }

    // ---- data ----

    /** A shape instead of the file (if one was loaded). */
    public void setShape(ToyData.Kind shape) {
        boolean wasFile = filePoints != null;
        filePoints = null;
        fileName = null;
        dataError.set("");
        if (wasFile && shape == settings.get().shape()) {
            newData();
        } else {
            update(s -> s.withShape(shape));
        }
    }

    /** Noise from 0 to 0.5. */
    public void setNoise(double noise) {
        update(s -> s.withNoise(Math.max(0, Math.min(PlaygroundSettings.MAX_NOISE, noise))));
    }

    /** The share of points to train on, 0.1 to 0.9. */
    public void setTrainShare(double share) {
        update(s -> s.withTrainShare(Math.max(0.1, Math.min(0.9, share))));
    }

    /** New points (and first weights) from the next seed. */
    public void regenerate() {
        update(s -> s.withSeed(s.seed() + 1));
    }

    /** Loads x1,x2,label points from a CSV file; a malformed file leaves the points as they were and says why. */
    public void loadCsv(Path file) {
        ToyData.Points points;
        try {
            points = ToyCsv.read(file);
        } catch (DataFileException e) {
            dataError.set(e.getMessage());
            return;
        }
        dataError.set("");
        filePoints = points;
        fileName = file.getFileName().toString();
        newData();
    }

    /** Clears the message of a file that could not be loaded. */
    public void dismissDataError() {
        dataError.set("");
    }

    // ---- network and training ----

    public void setFeature(Playground.Feature feature, boolean on) { update(s -> s.withFeature(feature, on)); }
    public void addLayer() { update(PlaygroundSettings::withLayerAdded); }
    /** The hidden layers' sizes at once (a course's setup): 0 to 6 layers of 1 to 8 neurons. */
    public void setHidden(List<Integer> sizes) { update(s -> s.withHidden(sizes)); }
    public void removeLayer() { update(PlaygroundSettings::withLayerRemoved); }
    public void addNeuron(int layer) { update(s -> s.withNeurons(layer, +1)); }
    public void removeNeuron(int layer) { update(s -> s.withNeurons(layer, -1)); }
    public void setActivation(Activation.Kind kind) { update(s -> s.withActivation(kind)); }
    public void setProblem(Playground.Problem problem) { update(s -> s.withProblem(problem)); }
    public void setLearningRate(double lr) { update(s -> s.withLearningRate(lr)); }
    public void setRegularization(Playground.Regularization kind) { update(s -> s.withRegularization(kind)); }
    public void setRegularizationRate(double rate) { update(s -> s.withRegularizationRate(rate)); }
    public void setBatchSize(int size) { update(s -> s.withBatchSize(size)); }

    // ---- selection and Explain ----

    /** Chooses a weight or bias for the inspector (null: none). */
    public void select(ParamRef ref) {
        selected.set(ref != null && ref.fits(settings.get().sizes()) ? ref : null);
        explainError.set("");
    }

    /** The next (+1) or previous (−1) parameter in the keyboard's order, wrapping round; the first if none. */
    public void selectNext(int delta) {
        List<ParamRef> all = ParamRef.all(settings.get().sizes());
        int at = all.indexOf(selected.get());
        select(all.get(at < 0 ? (delta >= 0 ? 0 : all.size() - 1) : Math.floorMod(at + delta, all.size())));
    }

    /**
     * Pauses and opens the computation graph of one training point through the selected parameter in the
     * step-through view, at its chain-rule step.
     */
    public void explain() {
        ParamRef ref = selected.get();
        if (ref == null) {
            return;
        }
        playing.set(false);
        explainError.set("");
        run.explain(ref, lesson -> {
            if (!explainer.open(lesson)) {
                explainError.set(STEPPER_BUSY);
            }
        }, e -> explainError.set(e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
    }

    // ---- helpers ----

    private void update(UnaryOperator<PlaygroundSettings> change) {
        PlaygroundSettings before = settings.get();
        PlaygroundSettings after = change.apply(before);
        settings.set(after);
        switch (after.change(before)) {
            case NONE -> { }
            case TUNING -> run.retune(after.config());
            case NETWORK -> rebuild();
            case DATA -> newData();
        }
    }

    private void newData() {
        data.set(makeData(settings.get()));
        rebuild();
    }

    private PlaygroundData makeData(PlaygroundSettings s) {
        return filePoints != null ? PlaygroundData.fromFile(fileName, filePoints, s.trainShare(), s.seed())
                : PlaygroundData.generate(s.shape(), s.noise(), s.trainShare(), s.seed());
    }

    private void rebuild() {
        if (!canTrain.get()) {
            pause();
        }
        run.rebuild(settings.get().config(), data.get());
        if (selected.get() != null && !selected.get().fits(settings.get().sizes())) {
            selected.set(null);
        }
    }

    private void show(PlaygroundRun.Frame f) {
        framesShown++;
        frame.set(f);
    }
}
