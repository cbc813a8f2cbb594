package org.backproplab.ui.stepper;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.backproplab.drawing.CardSize;
import org.backproplab.drawing.GraphLayout;
import org.backproplab.lesson.Diagnostic;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonData;
import org.backproplab.lesson.LessonException;
import org.backproplab.stepper.Frame;
import org.backproplab.stepper.Inspection;
import org.backproplab.stepper.Session;
import org.backproplab.stepper.Stepper;
import org.backproplab.stepper.TangentFrame;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

/**
 * The state of the step-through view and its commands, as JavaFX properties but with no scene graph: the lesson
 * (text, name, compile errors), the {@link Stepper} and the {@link Frame} it shows, the layout, the settings, the
 * selected node's {@link Inspection}, and a run of many iterations. The view binds to the read-only properties and
 * changes state only through the command methods. Outlives the view: a language switch rebuilds the view, not this.
 *
 * <p>Commands are called on the JavaFX thread. {@link #startRun} hands the stepper to a worker thread; until the
 * run ends every other command is refused (the view disables them), so the stepper is never used by two threads.
 */
public final class StepperViewModel {

    /** The settings a new lesson starts with. */
    public static final OptimizerKind DEFAULT_OPTIMIZER = OptimizerKind.SGD;
    public static final double DEFAULT_LEARNING_RATE = 0.1;
    /**
     * The most nodes the view draws. Each node is a card of a dozen JavaFX controls, built and styled on the JavaFX
     * thread at about 2 ms a card: a lesson of 5,000 nodes would hold the window still for ten seconds and more.
     * A bigger lesson is refused before anything is built ({@link #tooBigProperty}), as a compile error is.
     */
    public static final int MAX_NODES = 1_000;

    /** How a run reports to the view: progress and the end, both already on the view's thread. */
    public interface RunCallbacks {
        /** After some iterations; called at most ~30 times a second. */
        void progress(int done, int total);

        /** The run has ended (finished or cancelled): the stepper is the view's again. */
        void finished(int done);
    }

    private final ObjectProperty<Stepper> stepper = new SimpleObjectProperty<>();
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final ObjectProperty<GraphLayout.Result> layout = new SimpleObjectProperty<>();
    private final StringProperty lessonName = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    /** The file the lesson was read from; null for a shipped lesson or text from elsewhere. */
    private Path lessonFile;
    /** The numbers beside the lesson's text (an MNIST batch's weights): kept while its text is edited. */
    private LessonData data = LessonData.NONE;
    private final ObjectProperty<List<Diagnostic>> diagnostics = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty tooBig = new SimpleIntegerProperty();
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(DEFAULT_OPTIMIZER);
    /** How updates clip the gradients; kept across lessons (a session does not save it). */
    private final ObjectProperty<Clipping> clipping = new SimpleObjectProperty<>(Clipping.NONE);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(DEFAULT_LEARNING_RATE);
    private final StepperRun run = new StepperRun();
    private final IntegerProperty lossCount = new SimpleIntegerProperty();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanProperty canStepBack = new SimpleBooleanProperty();
    private final ObjectProperty<Inspection> inspection = new SimpleObjectProperty<>();
    private final DoubleProperty presentationZoom = new SimpleDoubleProperty(1);

    // ---- what the view reads ----

    /** Quiz mode's switch (Q): kept here, so that a course's setup can turn it on and a language switch keeps it. */
    private final BooleanProperty quiz = new SimpleBooleanProperty(false);

    public BooleanProperty quizProperty() { return quiz; }

    /** Forward mode (F): the passes of a tangent walk instead of backprop's iterations. */
    private final ForwardMode forward = new ForwardMode();

    {
        quiz.addListener((o, was, on) -> {
            if (on && forward.isOn() && !run.isRunning()) {
                setForwardMode(false);
            }
        });
    }

    public ReadOnlyBooleanProperty forwardModeProperty() { return forward.onProperty(); }

    /** The input whose tangent the pass shown carries; "" in backprop. */
    public ReadOnlyStringProperty tangentOfProperty() { return forward.tangentOfProperty(); }

    /**
     * Forward mode on: the lesson's passes, one per input, from its own starting values; off: back to backprop where
     * it was. Quiz mode and forward mode exclude each other (the quiz asks backprop's numbers).
     */
    public void setForwardMode(boolean on) {
        requireIdle();
        if (on == forward.isOn() || stepper.get() == null) {
            return;
        }
        if (on) {
            Lesson lesson;
            try {
                lesson = Lesson.compile(source.get(), lessonName.get().isEmpty() ? "lesson.bp" : lessonName.get(),
                        data);
            } catch (LessonException e) {
                return; // the editor shows the errors; the graph drawn is the last that compiled
            }
            TangentFrame first = forward.start(lesson);
            quiz.set(false);
            selected.set(-1);
            showWalk(first);
        } else {
            forward.stop();
            show(stepper.get().frame());
        }
    }

    private void showWalk(TangentFrame t) {
        show(forward.frame(t, lossCount.get()));
    }

    public ReadOnlyObjectProperty<Stepper> stepperProperty() { return stepper; }

    public Stepper stepper() { return stepper.get(); }

    public ReadOnlyObjectProperty<Frame> frameProperty() { return frame; }

    public Frame frame() { return frame.get(); }

    public ReadOnlyObjectProperty<GraphLayout.Result> layoutProperty() { return layout; }

    public ReadOnlyStringProperty lessonNameProperty() { return lessonName; }

    /** The text of the lesson as last opened (edits go through {@link #edit}). */
    public ReadOnlyStringProperty sourceProperty() { return source; }

    /** The errors of the text last edited or opened; empty when it compiled. */
    public ReadOnlyObjectProperty<List<Diagnostic>> diagnosticsProperty() { return diagnostics; }

    /**
     * The node count of the text last edited or opened when it compiled but was refused for having more than
     * {@link #MAX_NODES} nodes (the last good graph stays); 0 when it was not.
     */
    public ReadOnlyIntegerProperty tooBigProperty() { return tooBig; }

    public ReadOnlyObjectProperty<OptimizerKind> optimizerProperty() { return optimizer; }
    public ReadOnlyObjectProperty<Clipping> clippingProperty() { return clipping; }

    public ReadOnlyDoubleProperty learningRateProperty() { return learningRate; }

    public ReadOnlyBooleanProperty runningProperty() { return run.runningProperty(); }

    /** From 0 to 1 while a run goes on. */
    public ReadOnlyDoubleProperty runProgressProperty() { return run.progressProperty(); }

    /** How many losses of the history to show (during a run: all so far); the chart redraws when it changes. */
    public ReadOnlyIntegerProperty lossCountProperty() { return lossCount; }

    public ReadOnlyIntegerProperty selectedProperty() { return selected; }

    /** True when there is a step to go back to. */
    public ReadOnlyBooleanProperty canStepBackProperty() { return canStepBack; }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() { return inspection; }

    /** The presentation zoom, 1 (100%) to 2.5 (250%): the graph opens and fits this much larger. */
    public ReadOnlyDoubleProperty presentationZoomProperty() { return presentationZoom; }

    // ---- exports ----

    /** What the chart and graph exports read: the losses as a table, the files' name, the chart's title, the SVG. */
    public StepperFigures figures() {
        return new StepperFigures(stepper(), lessonName.get(), Math.min(lossCount.get(),
                stepper() == null ? 0 : stepper().losses().count()), layout.get(), frame.get());
    }

    public void setPresentationZoom(double zoom) {
        presentationZoom.set(zoom);
    }

    // ---- commands ----

    /** Opens a lesson: its text becomes the editor's. Returns false (and sets the errors) when it does not compile. */
    public boolean open(String name, String text) {
        return open(name, text, null);
    }

    /** Opens a lesson read from a file, which {@link #lessonReference()} then names. */
    public boolean open(String name, String text, Path file) {
        requireIdle();
        data = LessonData.NONE;
        lessonFile = file;
        lessonName.set(name);
        source.set(text);
        return compile(text, true);
    }

    /**
     * Opens a lesson whose text has numbers beside it ({@code data(rows, cols)}): the MNIST tab's batch. Editing its
     * text keeps the numbers; opening another lesson drops them.
     */
    public boolean openWithData(String name, String text, LessonData beside) {
        requireIdle();
        lessonFile = null;
        lessonName.set(name);
        source.set(text);
        data = beside;
        return compile(text, true);
    }

    /** The numbers beside the lesson open ({@link LessonData#NONE} for most lessons). */
    public LessonData data() {
        return data;
    }

    /**
     * What to remember of the lesson open, for the next start ({@link #reopen}): a lesson file's absolute path, a
     * shipped lesson's file name ({@code 01_circuit.bp}), or "" for text from elsewhere (an Explain, say).
     */
    public String lessonReference() {
        return LessonFiles.reference(lessonFile, lessonName.get());
    }

    /**
     * Opens a lesson named by {@link #lessonReference()}: a shipped lesson, or a file that is still there and
     * readable. False, and nothing changes, for anything else.
     */
    public boolean reopen(String reference) {
        if (run.isRunning()) {
            return false;
        }
        var found = LessonFiles.byReference(reference);
        if (found.isEmpty()) {
            return false;
        }
        try {
            open(found.get().name(), found.get().text(), found.get().file());
            return true;
        } catch (RuntimeException e) { // a remembered file that no longer opens: start as if new, not fail to start
            return false;
        }
    }

    /**
     * The editor's text changed: compile it. When it compiles the graph is redrawn from it (a new stepper, same
     * settings); when it does not, the errors are set and the last good graph stays.
     */
    public boolean edit(String text) {
        requireIdle();
        Stepper current = stepper.get();
        if (current != null && current.lesson().source().equals(text)) {
            diagnostics.set(List.of());
            return true;
        }
        return compile(text, false);
    }

    private boolean compile(String text, boolean opened) {
        Lesson lesson;
        try {
            lesson = Lesson.compile(text, lessonName.get().isEmpty() ? "lesson.bp" : lessonName.get(), data);
        } catch (LessonException e) {
            tooBig.set(0);
            diagnostics.set(e.diagnostics());
            return false;
        }
        diagnostics.set(List.of());
        int nodes = lesson.graph().nodes().size();
        tooBig.set(nodes > MAX_NODES ? nodes : 0);
        if (nodes > MAX_NODES) {
            return false;
        }
        install(new Stepper(lesson, optimizer.get(), learningRate.get()), -1);
        return true;
    }

    /**
     * Shows a new stepper (a lesson opened or edited, a session restored) at its frame, with the clipping set and
     * {@code node} inspected if the graph has it. Forward mode ends: it walks the lesson it was started on.
     */
    private void install(Stepper next, int node) {
        forward.stop();
        next.setClipping(clipping.get());
        frame.set(null); // the old frame does not fit the new graph
        lossCount.set(0);
        selected.set(-1); // before the new graph is set: no listener may read an old index into it
        inspection.set(null);
        layout.set(GraphLayout.layout(next.graph(), CardSize::of));
        stepper.set(next);
        selected.set(node >= 0 && node < next.graph().size() ? node : -1);
        show(next.frame());
    }

    /** The session as it stands, to save: the lesson, the settings, the node inspected and the stepper's place. */
    public Session session() {
        Stepper s = requireStepper();
        return Session.of(lessonName.get(), s, selected.get());
    }

    /**
     * Opens a saved session: its lesson, settings and inspected node, and a stepper put back at its step. Throws,
     * and changes nothing, when it cannot be restored (a lesson that does not compile, a checkpoint that does not fit,
     * a graph of more than {@link #MAX_NODES} nodes).
     */
    public void restore(Session session) throws LessonException {
        requireIdle();
        Stepper next = session.restore(); // first: whatever fails, fails before anything changes
        if (next.graph().size() > MAX_NODES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the lesson's graph has %,d nodes, more than the %,d the step-through view draws",
                    next.graph().size(), MAX_NODES));
        }
        lessonFile = null;
        data = session.data();
        lessonName.set(session.lessonName());
        source.set(session.lessonText());
        diagnostics.set(List.of());
        tooBig.set(0);
        optimizer.set(next.optimizer());
        learningRate.set(next.learningRate());
        install(next, session.selectedNode());
    }

    public void step() {
        if (forward.isOn()) {
            showWalk(forward.step());
            return;
        }
        show(requireStepper().step());
    }

    /** Quiz mode: the next step's frame, computed by the stepper but not shown until {@link #reveal}. */
    public Frame stepHeld() {
        return requireStepper().step();
    }

    /** Shows a frame held back by {@link #stepHeld}. */
    public void reveal(Frame f) {
        show(f);
    }

    public void stepBack() {
        if (forward.isOn()) {
            showWalk(forward.stepBack());
            return;
        }
        if (requireStepper().canStepBack()) {
            show(stepper.get().stepBack());
        }
    }

    public void finishPhase() {
        if (forward.isOn()) {
            showWalk(forward.finishPass());
            return;
        }
        show(requireStepper().finishPhase());
    }

    public void reset() {
        if (forward.isOn()) {
            showWalk(forward.reset());
            return;
        }
        show(requireStepper().reset());
    }

    /**
     * Steps on to the chain-rule step that gives node {@code name} (a param such as {@code W2}) its gradient, and
     * selects that node for the inspector. Throws, and changes nothing, when the lesson has no such node.
     */
    public void stepToGradientOf(String name) {
        Frame f = requireStepper().stepToGradientOf(name);
        selected.set(stepper.get().graph().nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow().index());
        show(f);
    }

    /** Sets the learning rate; it applies from the next update phase not yet run. */
    public void setLearningRate(double lr) {
        requireIdle();
        if (stepper.get() != null) {
            stepper.get().setLearningRate(lr);
        } else if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + lr);
        }
        learningRate.set(lr);
    }

    /** Clipping from the next update on (lesson 08's cure): the update steps show it and use the clipped gradient. */
    public void setClipping(Clipping next) {
        requireIdle();
        if (stepper.get() != null) {
            stepper.get().setClipping(next);
        }
        clipping.set(next);
    }

    public void setOptimizer(OptimizerKind kind) {
        requireIdle();
        if (stepper.get() != null) {
            stepper.get().setOptimizer(kind);
        }
        optimizer.set(kind);
    }

    /** Selects a node for the inspector (-1: none). */
    public void select(int node) {
        requireIdle();
        selected.set(node);
        inspect();
    }

    /**
     * Starts training {@code iterations} iterations on {@code worker} (a thread or an executor), reporting through
     * {@code callbacks} on the view's thread via {@code ui} (Platform::runLater in the app).
     */
    public void startRun(int iterations, Consumer<Runnable> worker, Consumer<Runnable> ui, RunCallbacks callbacks) {
        Stepper s = requireStepper();
        run.start(s, iterations, worker, ui, new RunCallbacks() {
            @Override
            public void progress(int done, int total) {
                lossCount.set(s.losses().count());
                callbacks.progress(done, total);
            }

            @Override
            public void finished(int done) {
                show(s.frame());
                callbacks.finished(done);
            }
        });
    }

    /** Asks a run to stop after its current iteration. */
    public void cancelRun() {
        run.cancel();
    }

    // ---- helpers ----

    private void show(Frame f) {
        canStepBack.set(f.canStepBack());
        frame.set(f);
        lossCount.set(f.losses());
        inspect();
    }

    private void inspect() {
        if (forward.isOn()) { // the inspector explains backprop's numbers
            inspection.set(null);
            return;
        }
        int i = selected.get();
        Stepper s = stepper.get();
        inspection.set(i < 0 || s == null || i >= s.graph().size() ? null : Inspection.of(s, frame.get(), i));
    }

    private Stepper requireStepper() {
        requireIdle();
        if (stepper.get() == null) {
            throw new IllegalStateException("no lesson is open");
        }
        return stepper.get();
    }

    private void requireIdle() {
        if (run.isRunning()) {
            throw new IllegalStateException("a run is going on: cancel it or wait for it to end");
        }
    }
}
