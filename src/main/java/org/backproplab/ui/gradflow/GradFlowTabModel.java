package org.backproplab.ui.gradflow;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Map;
import java.util.function.BiPredicate;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

import org.backproplab.files.CsvTable;
import org.backproplab.data.Mnist;
import org.backproplab.nn.Examples;
import org.backproplab.labs.GradientFlow;
import org.backproplab.ui.BackgroundLoad;

/**
 * The gradient-flow lab's state and commands, with no nodes: the form, the run of one or two configurations, what
 * they have measured so far and the axes they share. Views bind to its properties and change it only through its
 * commands. It outlives its view (switching language reloads the view, not the model) and lives on the JavaFX
 * thread: MNIST loads elsewhere and arrives by {@link Platform#runLater}; the run trains on its own thread and is
 * polled {@value #POLL_MILLIS} ms apart, so the charts change at most 20 times a second however fast it steps.
 * Changing a switch starts the lab over from step 0 with the new settings (once the typing has paused for
 * {@value #SETTLE_MILLIS} ms), running on if it was running.
 */
public final class GradFlowTabModel {


    /** Where the lab is. WAITING: for MNIST, or for a field to be fixed. HALTED: every configuration overflowed. */
    public enum RunState { WAITING, STARTING, PAUSED, RUNNING, HALTED, FAILED }

    /** The tab's views, in the order they are shown. */
    public enum View { GRADIENTS, DERIVATIVES, UPDATES, ACTIVATIONS, LOSS } // in the order of the view tabs

    /** What "Open in step-through" does with a lesson: opens it under a name; false when it could not. */
    public interface StepThroughOpener extends BiPredicate<String, String> {
    }

    static final int POLL_MILLIS = 50;
    static final int SETTLE_MILLIS = 250;
    /** The example shown in the step-through view: the data's first. */
    static final int STEP_THROUGH_EXAMPLE = 0;

    private final Path mnistDirectory;
    private final StepThroughOpener stepThrough;
    private Mnist.Split mnist;
    /** The toy points of the last seed, per dataset: a new seed is new points. */
    private final Map<Dataset, Examples> toyData = new EnumMap<>(Dataset.class);
    private long toySeed;
    private final LabForm form = new LabForm(LabSettings.defaults());
    private final SharedAxes sharedAxes = new SharedAxes();
    private LabRun run;
    private Examples runData;
    private long seenVersion = -1;
    private boolean shown;
    private final Timeline poller = new Timeline(new KeyFrame(Duration.millis(POLL_MILLIS), e -> poll()));
    private final PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MILLIS));

    private final ReadOnlyObjectWrapper<BackgroundLoad.State> dataState =
            new ReadOnlyObjectWrapper<>(BackgroundLoad.State.NOT_LOADED);
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(RunState.WAITING);
    private final ReadOnlyStringWrapper runError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<RunHistory.Snapshot>> runs = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SharedAxes.Axes> axes = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<View> selectedView = new SimpleObjectProperty<>(View.GRADIENTS);
    private final ObjectProperty<Pace> pace = new SimpleObjectProperty<>(Pace.FULL);

    private final BooleanBinding canPlay = Bindings.createBooleanBinding(
            () -> runState.get() == RunState.PAUSED, runState);
    private final BooleanBinding canPause = Bindings.createBooleanBinding(
            () -> runState.get() == RunState.RUNNING, runState);

    /** A message about "Open in step-through": a key of the bundle and its arguments. */
    public record Notice(String key, Object... args) {
    }

    /**
     * A lab that reads MNIST from this directory (when it is first needed) and hands lessons to the step-through
     * view through {@code stepThrough}.
     */
    private IntConsumer layerPicked;

    public GradFlowTabModel(Path mnistDirectory, StepThroughOpener stepThrough) {
        this.mnistDirectory = mnistDirectory;
        this.stepThrough = stepThrough;
        poller.setCycleCount(Timeline.INDEFINITE);
        settle.setOnFinished(e -> rebuild(runState.get() == RunState.RUNNING));
        form.settingsProperty().addListener((o, old, now) -> settle.playFromStart());
        pace.addListener((o, old, now) -> {
            if (run != null) {
                run.setPace(now);
            }
        });
    }

    // ---- commands ----

    /** Told of a click on configuration A's gradient bars (a course's "click the layer" exercise); may be null. */
    public void setOnLayerPicked(IntConsumer listener) {
        layerPicked = listener;
    }

    /** A click on a run's gradient bars: layer from 1; only configuration A's answer an exercise. */
    public void pickLayer(int runIndex, int layer) {
        if (runIndex == 0 && layerPicked != null) {
            layerPicked.accept(layer);
        }
    }

    /** The layer (from 1) of configuration A with the smallest ‖∂L/∂W‖ at the step shown; 0 before any. */
    public int smallestGradientLayer() {
        List<RunHistory.Snapshot> shown = runs.get();
        if (shown == null || shown.isEmpty() || shown.get(0).latest() == null) {
            return 0;
        }
        var layers = shown.get(0).latest().layers();
        int smallest = 0;
        for (int l = 0; l < layers.size(); l++) {
            if (smallest == 0 || layers.get(l).weightGradNorm() < layers.get(smallest - 1).weightGradNorm()) {
                smallest = l + 1;
            }
        }
        return smallest;
    }

    /** The tab is shown (or hidden): starts the lab the first time, and draws only while it is in sight. */
    public void setShown(boolean visible) {
        shown = visible;
        if (visible) {
            seenVersion = -1; // catch up at the next poll
            if (run == null) {
                rebuild(false);
            } else {
                poller.play();
            }
        }
    }

    /** Trains until paused. */
    public void play() {
        if (run != null && canPlay.get()) {
            run.play();
            runState.set(RunState.RUNNING);
            poller.play();
        }
    }

    public void pause() {
        if (run != null) {
            run.pause();
            if (runState.get() == RunState.RUNNING) {
                runState.set(RunState.PAUSED);
            }
            poller.play(); // until the step under way is drawn
        }
    }

    /** One step of each configuration that has not overflowed; while paused. */
    public void step() {
        if (run != null && runState.get() == RunState.PAUSED) {
            run.step();
            poller.play();
        }
    }

    /** Starts over from step 0 with the settings of the form, paused. */
    public void reset() {
        settle.stop();
        rebuild(false);
    }

    /**
     * Opens configuration {@code index}'s network as it is now, on the data's first example, in the step-through
     * view; pauses the lab first. Says why not in {@link #noticeProperty()} when it cannot.
     */
    public void openInStepThrough(int index) {
        String why = stepThroughObstacle(index);
        if (why != null) {
            notice.set(new Notice(why));
            return;
        }
        pause();
        LabRun r = run;
        Examples data = runData;
        String letter = index == 0 ? "A" : "B";
        r.inspect(index, flow -> StepThrough.lesson(flow, data, STEP_THROUGH_EXAMPLE, title(letter, flow, data)))
                .whenComplete((text, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        notice.set(new Notice("gradflow.open.failed", message(error)));
                    } else if (!stepThrough.test("gradflow-" + letter + ".bp", text)) {
                        notice.set(new Notice("gradflow.open.busy"));
                    } else {
                        notice.set(null);
                    }
                }));
    }

    /** Why configuration {@code index} cannot be opened in the step-through view (a message key), or null. */
    public String stepThroughObstacle(int index) {
        List<RunHistory.Snapshot> now = runs.get();
        if (run == null || runData == null || index >= now.size() || runState.get() == RunState.STARTING) {
            return "gradflow.open.noRun";
        }
        String why = StepThrough.obstacle(now.get(index).config(), runData.features());
        if (why == null && now.get(index).overflow() != null) {
            why = "gradflow.open.overflowed";
        }
        return why;
    }

    /** Stops the run (the window is closing); does not wait. */
    public void shutdown() {
        poller.stop();
        settle.stop();
        if (run != null) {
            run.close();
        }
    }

    /** Starts reading MNIST's training images in the background, once. */
    public void loadData() {
        if (dataState.get() != BackgroundLoad.State.NOT_LOADED) {
            return;
        }
        dataState.set(BackgroundLoad.State.LOADING);
        BackgroundLoad.start("gradflow-mnist-loader",
                () -> Mnist.loadSplit(mnistDirectory, "train", Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS),
                this::dataLoaded, this::dataFailed);
    }

    // ---- what arrives from elsewhere ----

    private void dataLoaded(Mnist.Split train) {
        mnist = train;
        dataState.set(BackgroundLoad.State.READY);
        if (form.datasetProperty().get() == Dataset.MNIST && run == null) {
            rebuild(false);
        }
    }

    private void dataFailed(String message) {
        dataError.set(message);
        dataState.set(BackgroundLoad.State.FAILED);
        if (form.datasetProperty().get() == Dataset.MNIST) {
            runState.set(RunState.WAITING);
        }
    }

    /** A new run from the form, measured at step 0; it plays at once if {@code play}. */
    private void rebuild(boolean play) {
        if (run != null) {
            run.close();
            run = null;
            runData = null;
        }
        LabSettings.Parsed parsed = form.settings().parse();
        Examples data = parsed.ok() ? examples(form.datasetProperty().get(), parsed.configs().get(0).seed()) : null;
        if (data == null) {
            runState.set(RunState.WAITING);
            return;
        }
        runData = data;
        run = LabRun.start(parsed.configs(), data);
        run.setPace(pace.get());
        if (play) {
            run.play();
        }
        sharedAxes.reset();
        seenVersion = -1;
        runError.set("");
        notice.set(null);
        runState.set(RunState.STARTING);
        poller.play();
    }

    /** The examples of a dataset; null while MNIST is not (yet) there. */
    private Examples examples(Dataset d, long seed) {
        if (d.isMnist()) {
            loadData();
            return mnist == null ? null : LabData.mnist(mnist);
        }
        if (seed != toySeed) {
            toyData.clear();
            toySeed = seed;
        }
        return toyData.computeIfAbsent(d, k -> LabData.toy(k.toy(), seed));
    }

    /** Takes in what the run did since the last poll; the timer calls it, and tests may. */
    void poll() {
        LabRun r = run;
        if (r == null) {
            poller.stop();
            return;
        }
        if (!shown || r.version() == seenVersion) {
            runState.set(stateOf(r.state()));
            stopWhenIdle(r);
            return;
        }
        LabRun.Update u = r.poll();
        seenVersion = u.version();
        if (u.state() == LabRun.State.STARTING) {
            return;
        }
        runs.set(u.runs());
        axes.set(sharedAxes.update(u.runs()));
        stepsPerSecond.set(u.stepsPerSecond());
        if (u.error() != null) {
            runError.set(u.error());
        }
        runState.set(stateOf(u.state()));
        stopWhenIdle(r);
    }

    /**
     * Stops polling once the run stands still and all it did is drawn (or the tab is out of sight): a Timeline that
     * keeps running keeps the toolkit pulsing sixty times a second, for as long as the window is open. The commands
     * that set the run going again ({@link #play}, {@link #step}, {@link #pause}, showing the tab, a new run) start it.
     */
    private void stopWhenIdle(LabRun r) {
        LabRun.State state = r.state();
        boolean going = state == LabRun.State.RUNNING || state == LabRun.State.STARTING;
        // idle first: then the version read after it is the last until a command
        if (!going && r.idle() && (!shown || r.version() == seenVersion)) {
            poller.stop();
        }
    }

    /** True while the poller runs (a test checks that it stops when the run stands still). */
    boolean polling() {
        return poller.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    private RunState stateOf(LabRun.State s) {
        return switch (s) {
            case STARTING -> RunState.STARTING;
            case PAUSED, CLOSED -> RunState.PAUSED;
            case RUNNING -> RunState.RUNNING;
            case HALTED -> RunState.HALTED;
            case FAILED -> RunState.FAILED;
        };
    }

    private static String title(String letter, GradientFlow flow, Examples data) {
        GradientFlow.Config c = flow.config();
        String what = c.activation().id() + ", " + c.init().id() + ", depth " + c.depth() + ", width " + c.width();
        return "Gradient-flow lab, configuration " + letter + " (" + what + ") after " + flow.steps() + " steps, on "
                + data.name() + " example 1\n# 梯度流实验室：配置 " + letter + "（" + what
                + "），训练 " + flow.steps() + " 步之后，数据集的第 1 个样本";
    }

    private static String message(Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    // ---- properties ----

    public LabForm form() { return form; }
    public ReadOnlyObjectProperty<BackgroundLoad.State> dataStateProperty() { return dataState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dataErrorProperty() { return dataError.getReadOnlyProperty(); }
    public Path mnistDirectory() { return mnistDirectory; }
    public ReadOnlyObjectProperty<RunState> runStateProperty() { return runState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runErrorProperty() { return runError.getReadOnlyProperty(); }
    /** Each configuration's history as of the last poll: one, or two when comparing. */
    public ReadOnlyObjectProperty<List<RunHistory.Snapshot>> runsProperty() { return runs.getReadOnlyProperty(); }
    /** Loss and global gradient norms over the steps of each configuration, for File ▸ Export ▸ Metrics. */
    public CsvTable stepTable() { return FlowTables.steps(runs.get(), FlowTables.ALL); }
    /** The axes every chart uses; null before the first measurement. */
    public ReadOnlyObjectProperty<SharedAxes.Axes> axesProperty() { return axes.getReadOnlyProperty(); }
    /** The histogram range of an activation, shared by the runs that use it (grows only, like the other axes). */
    public double[] histogramRange(org.backproplab.nn.Activation.Kind kind) {
        return sharedAxes.histogramRange(kind, runs.get());
    }
    public ReadOnlyDoubleProperty stepsPerSecondProperty() { return stepsPerSecond.getReadOnlyProperty(); }
    /** What "Open in step-through" has to say; null when all went well. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ObjectProperty<View> selectedViewProperty() { return selectedView; }
    /** How fast the lab trains while it plays. */
    public ObjectProperty<Pace> paceProperty() { return pace; }
    public BooleanBinding canPlayBinding() { return canPlay; }
    public BooleanBinding canPauseBinding() { return canPause; }
    /** The examples the current run trains on; null when there is no run. */
    public Examples runData() { return runData; }
}
