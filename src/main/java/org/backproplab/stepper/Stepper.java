package org.backproplab.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.backproplab.engine.Buffer;
import org.backproplab.engine.PassEvent;
import org.backproplab.engine.Snapshot;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.Lesson;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.ParameterUpdate;
import org.backproplab.nn.TrainingStep;
import org.backproplab.stepper.RecordedIteration.Replay;
import org.backproplab.stepper.RecordedIteration.Step;

/**
 * The step-through state machine. Each iteration walks FORWARD → BACKWARD → UPDATE, one event per step. When the
 * stepper first enters a phase it runs that pass of the engine on the lesson's own graph with a listener and
 * records the events; stepping then reveals them one at a time. So the numbers are always the engine's, and a
 * change of learning rate or optimizer takes effect at the next phase not yet run.
 *
 * <p>Recorded iterations are kept (the last {@value #KEPT_ITERATIONS}), so {@link #stepBack()} can go back across
 * phases and iterations; stepping forward again replays what was recorded. {@link #run} trains many iterations
 * at full speed without events, for the loss curve.
 *
 * <p>Not thread-safe: one thread at a time (the view runs {@link #run} on a worker while its controls are off).
 */
public final class Stepper {

    /** How many recorded iterations are kept for stepping back. */
    public static final int KEPT_ITERATIONS = 20;
    /** The optimizers the view offers, from simple to complex. */
    public static final List<OptimizerKind> OPTIMIZERS = List.of(OptimizerKind.values());

    /** Hears about a fast run: after each iteration, how many are done and that iteration's loss. */
    @FunctionalInterface
    public interface RunListener {
        void iterationDone(int done, int total, double loss);
    }

    private final Lesson lesson;
    private final StepGraph graph;
    private final Minimised minimised;
    private final FrameBuilder frames;
    private final Snapshot[] initial;
    private final LossHistory losses = new LossHistory();
    private final List<RecordedIteration> history = new ArrayList<>();
    /** The lesson's graph as a training step sees it. */
    private final TrainingStep.Objective objective;
    /** The optimizer as chosen, in the one training step. */
    private TrainingStep training;
    private OptimizerKind optimizerKind;
    private double learningRate;
    private Clipping clipping = Clipping.NONE;
    private int current;
    private int cursor;

    public Stepper(Lesson lesson, OptimizerKind optimizerKind, double learningRate) {
        this.lesson = lesson;
        this.graph = StepGraph.of(lesson);
        this.minimised = Minimised.of(lesson);
        this.frames = new FrameBuilder(graph, new Formulas(graph, minimised));
        this.initial = leafValues();
        checkLearningRate(learningRate);
        this.learningRate = learningRate;
        this.objective = TrainingStep.Objective.of(lesson.graph());
        this.training = training(optimizerKind, learningRate);
        this.optimizerKind = optimizerKind;
        start(1);
    }

    public Lesson lesson() { return lesson; }

    public StepGraph graph() { return graph; }

    /** The numbers of every iteration so far: the loss, or the output of a lesson without one ({@link #minimised()}). */
    public LossHistory losses() { return losses; }

    /** What {@link #losses()} holds and an update lowers: the loss, or the output when the lesson has no loss. */
    public Minimised minimised() { return minimised; }

    /** The optimizer the view has chosen (for a restored stepper, possibly one that applies from a later update). */
    public OptimizerKind optimizer() { return deferredUntil >= 0 ? deferredOptimizer : optimizerKind; }

    public double learningRate() { return deferredUntil >= 0 ? deferredRate : learningRate; }

    /** The leaves' values at the start of the iteration shown, by node index (null for op nodes). */
    public Snapshot[] iterationStartValues() {
        return history.get(current).start.clone();
    }

    // ---- settings ----

    /** A restored stepper's view settings, held back until iteration deferredUntil's update (-1: none held). */
    private OptimizerKind deferredOptimizer;
    private double deferredRate;
    private int deferredUntil = -1;

    public void setLearningRate(double lr) {
        checkLearningRate(lr);
        if (deferredUntil >= 0) {
            deferredRate = lr;
            return;
        }
        learningRate = lr;
        training.optimizer().setLearningRate(lr);
    }

    /** Switches optimizer (a fresh one: momentum and moments start from zero). */
    public void setOptimizer(OptimizerKind kind) {
        if (deferredUntil >= 0) {
            deferredOptimizer = kind;
            return;
        }
        training = training(kind, learningRate);
        optimizerKind = kind;
    }

    /** A fresh optimizer of {@code kind} over the lesson's params, in a training step that clips as set. */
    private TrainingStep training(OptimizerKind kind, double lr) {
        return new TrainingStep(kind.create(lesson.parameters(), lr), clipping);
    }

    /** How updates clip the gradients: lesson 08's cure, in the window. */
    public Clipping clipping() {
        return clipping;
    }

    /**
     * Clips the gradients of every update from now on (the optimizer and its memory stay): the update steps show
     * the global norm before and after, and use the clipped gradient. Updates already recorded keep theirs.
     */
    public void setClipping(Clipping next) {
        clipping = next;
        training = new TrainingStep(training.optimizer(), next);
    }

    private static void checkLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + lr);
        }
    }

    // ---- stepping ----

    /** Shows the next step, running the engine's next pass when the recorded steps run out. */
    public Frame step() {
        RecordedIteration it = history.get(current);
        if (cursor + 1 < it.steps.size()) {
            cursor++;
            return frame();
        }
        if (current + 1 < history.size()) {
            current++;
            cursor = 0;
            return frame();
        }
        while (cursor + 1 >= it.steps.size()) {
            if (!it.forward) {
                recordForward(it);
            } else if (!it.backward) {
                recordBackward(it);
            } else if (!it.update) {
                recordUpdate(it);
                updated(it.number);
            } else {
                it = start(it.number + 1);
            }
        }
        cursor++;
        return frame();
    }

    public boolean canStepBack() {
        return cursor >= 0 || current > 0;
    }

    /** Shows the step before, in this iteration or the one before it. */
    public Frame stepBack() {
        if (cursor > 0) {
            cursor--;
        } else if (cursor == 0 && current > 0) {
            current--;
            cursor = history.get(current).steps.size() - 1;
        } else if (cursor == 0) {
            cursor = -1;
        } else if (current > 0) {
            current--;
            cursor = history.get(current).steps.size() - 1;
        }
        return frame();
    }

    /** Steps to the last step of the current phase (or of the next one, when already at the end of a phase). */
    public Frame finishPhase() {
        Frame f = step();
        while (f.position() < f.count()) {
            f = step();
        }
        return f;
    }

    /**
     * Steps on to the chain-rule step that hands node {@code name} (a param such as {@code W2}) its gradient: the
     * backward step whose input it is. From where the stepper stands it goes on through the rest of the forward pass
     * and backward until that step, into the next iteration if this one's is behind it; a node that feeds several
     * nodes stops at the first of its steps. An unknown name, or a node that gets no gradient, throws and leaves the
     * stepper where it was.
     */
    public Frame stepToGradientOf(String name) {
        int node = graph.nodes().stream().filter(n -> n.name().equals(name)).mapToInt(StepGraph.Node::index)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no node named '" + name + "' in the lesson"));
        // One whole iteration from here is always enough to meet the step, if there is one.
        int limit = 2 * (graph.forwardSteps() + graph.backwardSteps() + graph.parameters().size()) + 1;
        for (int taken = 1; taken <= limit; taken++) {
            Frame f = step();
            if (history.get(current).steps.get(cursor).event() instanceof PassEvent.BackwardStep b
                    && graph.indexOf(b.input()) == node) {
                return f;
            }
            if (taken == limit) {
                for (int back = 0; back < taken; back++) {
                    stepBack();
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' gets no gradient: no backward step leads to it");
    }

    /** Back to the lesson as loaded: first values, a fresh optimizer, no history, no losses. */
    public Frame reset() {
        if (deferredUntil >= 0) {
            updated(deferredUntil);
        }
        for (int i = 0; i < graph.size(); i++) {
            if (initial[i] != null) {
                write(graph.tensor(i), initial[i]);
            }
        }
        training = training(optimizerKind, learningRate);
        losses.clear();
        history.clear();
        start(1);
        return frame();
    }

    /**
     * Trains {@code iterations} iterations at full speed, without events: one {@link TrainingStep} each. An iteration that the stepper is in the middle of is finished first and counts as one.
     * Afterwards the stepper stands before the forward pass of the next iteration, with no history to step back
     * into. Stops early when {@code cancelled} says so; returns how many iterations were done.
     */
    public int run(int iterations, RunListener listener, BooleanSupplier cancelled) {
        RecordedIteration frontier = history.get(history.size() - 1);
        int next = frontier.update ? frontier.number + 1 : frontier.number;
        int done = 0;
        if (frontier.forward && !frontier.update && iterations > 0) {
            if (!frontier.backward) {
                training.backward(objective, null);
            }
            training.update(null);
            updated(frontier.number);
            done++;
            next++;
            listener.iterationDone(done, iterations, losses.last());
        }
        while (done < iterations && !cancelled.getAsBoolean()) {
            double loss = training.run(objective).loss();
            losses.add(loss);
            updated(next);
            done++;
            next++;
            listener.iterationDone(done, iterations, loss);
        }
        if (done > 0) {
            history.clear();
            start(next);
        }
        return done;
    }

    // ---- saving and restoring ----

    /** Where the stepper stands, to save and come back to: see {@link Checkpoint}. */
    public Checkpoint checkpoint() {
        RecordedIteration it = history.get(current);
        // A recorded update was made by the optimizer as it was then; one still to come, by the current one.
        Replay r = it.beforeUpdate != null ? it.beforeUpdate
                : new Replay(optimizerKind, learningRate, training.optimizer().state());
        List<Checkpoint.Param> params = graph.parameters().stream()
                .map(i -> new Checkpoint.Param(graph.node(i).name(), it.start[i])).toList();
        return new Checkpoint(it.number, cursor + 1, params, r.optimizer(), r.learningRate(), r.state(),
                losses.first(it.number - 1));
    }

    /**
     * A stepper on {@code lesson} (compiled afresh from the saved text) put back where {@code saved} stood, then set
     * to the optimizer and learning rate the view showed, which apply from the next update not yet run. Reset
     * still goes back to the lesson as written. Throws when the checkpoint does not fit the lesson.
     */
    public static Stepper restore(Lesson lesson, Checkpoint saved, OptimizerKind optimizerKind, double learningRate) {
        Stepper s = new Stepper(lesson, saved.optimizer(), saved.learningRate());
        List<Integer> params = s.graph.parameters();
        saved.checkFits(params.stream().map(s.graph::node).toList());
        s.training.optimizer().restore(saved.optimizerState());
        for (int k = 0; k < params.size(); k++) {
            write(s.graph.tensor(params.get(k)), saved.parameters().get(k).value());
        }
        for (double loss : saved.losses()) {
            s.losses.add(loss);
        }
        s.history.clear();
        s.start(saved.iteration());
        for (int k = 0; k < saved.steps(); k++) {
            s.step();
            if (s.history.get(s.current).number != saved.iteration()) {
                throw new IllegalArgumentException("iteration " + saved.iteration() + " has " + k + " steps, not "
                        + saved.steps());
            }
        }
        // The view's settings apply from the next update not yet made. When this iteration's update is still to
        // come, the saved optimizer makes it (as the recorded update would have been replayed), the view's after.
        s.deferredOptimizer = optimizerKind;
        s.deferredRate = learningRate;
        s.deferredUntil = s.history.get(s.current).update ? -1 : saved.iteration();
        if (s.deferredUntil < 0) {
            s.applySettings(s.deferredOptimizer, s.deferredRate);
        }
        return s;
    }

    /** After iteration {@code number}'s update: settings held back until then take effect. */
    private void updated(int number) {
        if (number == deferredUntil) {
            deferredUntil = -1;
            applySettings(deferredOptimizer, deferredRate);
        }
    }

    private void applySettings(OptimizerKind kind, double lr) {
        setLearningRate(lr);
        if (optimizerKind != kind) {
            setOptimizer(kind);
        }
    }

    // ---- recording ----

    private RecordedIteration start(int number) {
        RecordedIteration it = new RecordedIteration(number, leafValues());
        history.add(it);
        while (history.size() > KEPT_ITERATIONS) {
            history.remove(0);
        }
        current = history.size() - 1;
        cursor = -1;
        return it;
    }

    private void recordForward(RecordedIteration it) {
        double loss = training.forward(objective, e -> {
            PassEvent.ForwardStep f = (PassEvent.ForwardStep) e;
            it.steps.add(new Step(Phase.FORWARD, f.position(), f.count(), f, null));
        });
        it.forward = true;
        losses.add(loss);
    }

    private void recordBackward(RecordedIteration it) {
        List<PassEvent> events = new ArrayList<>();
        training.backward(objective, events::add);
        for (int k = 0; k < events.size(); k++) {
            it.steps.add(new Step(Phase.BACKWARD, k + 1, events.size(), events.get(k), null));
        }
        it.backward = true;
    }

    private void recordUpdate(RecordedIteration it) {
        it.beforeUpdate = new Replay(optimizerKind, learningRate, training.optimizer().state());
        List<ParameterUpdate> updates = new ArrayList<>();
        it.clipping = clipping;
        it.clipped = training.clip();
        training.update(updates::add);
        for (int k = 0; k < updates.size(); k++) {
            it.steps.add(new Step(Phase.UPDATE, k + 1, updates.size(), updates.get(k), optimizerKind));
        }
        it.update = true;
    }

    private Snapshot[] leafValues() {
        Snapshot[] v = new Snapshot[graph.size()];
        for (int i = 0; i < v.length; i++) {
            if (graph.node(i).isLeaf()) {
                v[i] = graph.tensor(i).snapshot();
            }
        }
        return v;
    }

    private static void write(Tensor t, Snapshot s) {
        Buffer b = t.value();
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            b.set(i, v[i]);
        }
    }

    // ---- the display ----

    /** The local derivatives backward has used so far in the iteration shown, for the inputs of node {@code index}. */
    public List<String> localDerivatives(int index) {
        return frames.localDerivatives(history.get(current), cursor, index);
    }

    /** What the view shows now: the steps of this iteration up to the cursor, replayed from its start values. */
    public Frame frame() {
        return frames.frame(history.get(current), cursor, canStepBack(), losses.count());
    }
}
