package org.backproplab.ui.gradflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.backproplab.nn.Examples;
import org.backproplab.labs.GradientFlow;

/**
 * One or two configurations trained side by side on one (daemon) thread, step for step, on the same batches: each
 * builds its network from the same seed, measures it at initialisation (step 0) and then waits for
 * {@link #play()} or {@link #step()}. The UI reads {@link #poll()} at its own pace and never waits for training.
 * Pause, step and close act between two steps. When a configuration overflows to NaN or infinity it stops there,
 * the run pauses, and its {@link RunHistory} says where; the other configuration can go on.
 */
public final class LabRun {

    /** Where the run is. HALTED: every configuration has overflowed, nothing is left to train. */
    public enum State { STARTING, PAUSED, RUNNING, HALTED, FAILED, CLOSED }

    /** What the run has done, at one moment; {@code version} grows with every change. */
    public record Update(long version, State state, List<RunHistory.Snapshot> runs, double stepsPerSecond,
                         String error) {
    }

    private final List<GradientFlow.Config> configs;
    private final Examples data;
    private final List<RunHistory> histories = new ArrayList<>();
    private final Object lock = new Object();
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final AtomicLong version = new AtomicLong();
    private final Thread thread;
    // guarded by lock
    private boolean running;
    private int pendingSteps;
    /** The thread waits for something to do: nothing changes until a command (guarded by the lock). */
    private boolean waiting;
    private boolean closed;
    // written by the training thread
    private volatile boolean started;
    private volatile String error;
    private volatile double stepsPerSecond;
    private volatile long minimumNanos;
    /** Thread-confined to the training thread. */
    private List<GradientFlow> flows;

    private LabRun(List<GradientFlow.Config> configs, Examples data) {
        if (configs.isEmpty() || configs.size() > 2) {
            throw new IllegalArgumentException("a lab run trains one or two configurations, not " + configs.size());
        }
        this.configs = List.copyOf(configs);
        this.data = data;
        for (GradientFlow.Config c : configs) {
            histories.add(new RunHistory(c));
        }
        thread = new Thread(this::run, "gradflow-lab");
        thread.setDaemon(true);
    }

    /** Builds the networks and measures them at initialisation on a new thread; returns at once, paused. */
    public static LabRun start(List<GradientFlow.Config> configs, Examples data) {
        LabRun run = new LabRun(configs, data);
        run.thread.start();
        return run;
    }

    public List<GradientFlow.Config> configs() {
        return configs;
    }

    /** Trains step after step until paused (or until every configuration has overflowed). */
    public void play() {
        synchronized (lock) {
            running = !allOverflowed();
            lock.notifyAll();
        }
        version.incrementAndGet();
    }

    public void pause() {
        synchronized (lock) {
            running = false;
            pendingSteps = 0;
        }
        version.incrementAndGet();
    }

    /** How fast to train while playing; it applies from the next step. */
    public void setPace(Pace pace) {
        minimumNanos = pace.minimumNanos();
        synchronized (lock) {
            lock.notifyAll(); // a step waiting for its time takes the new pace at once
        }
    }

    /** One step of every configuration that has not overflowed; while paused only. */
    public void step() {
        synchronized (lock) {
            if (!running) {
                pendingSteps++;
                lock.notifyAll();
            }
        }
    }

    /** Ends the thread after its current step; does not wait. */
    public void close() {
        synchronized (lock) {
            closed = true;
            running = false;
            lock.notifyAll();
        }
        version.incrementAndGet();
    }

    /** Waits for the thread to end; true if it has. */
    public boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /**
     * Runs {@code f} on configuration {@code run}'s live network on the training thread, between two steps (the
     * only place it may be read), and completes with its result.
     */
    public <T> CompletableFuture<T> inspect(int run, Function<GradientFlow, T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("the run has ended"));
                return result;
            }
            tasks.add(() -> {
                try {
                    result.complete(f.apply(flows.get(run)));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            lock.notifyAll();
        }
        return result;
    }

    public State state() {
        if (error != null) {
            return State.FAILED;
        }
        synchronized (lock) {
            if (closed) {
                return State.CLOSED;
            }
            if (!started) {
                return State.STARTING;
            }
            return allOverflowed() ? State.HALTED : running ? State.RUNNING : State.PAUSED;
        }
    }

    /**
     * True when the run's thread waits for a command (or has ended): every change so far has raised the version, and
     * none will come until play, step, a task or close. A poller that has seen this version may stop.
     */
    public boolean idle() {
        synchronized (lock) {
            return waiting || closed || error != null || !thread.isAlive();
        }
    }

    /** How many changes there have been; a poller compares it with the last it saw before copying anything. */
    public long version() {
        return version.get();
    }

    /** The state and a copy of every configuration's history. */
    public Update poll() {
        long v = version.get(); // read first: what follows is at least as new
        List<RunHistory.Snapshot> runs = new ArrayList<>();
        for (RunHistory h : histories) {
            runs.add(h.snapshot());
        }
        return new Update(v, state(), List.copyOf(runs), stepsPerSecond, error);
    }

    /**
     * Waits until the pace allows the next step, which starts {@link #minimumNanos} after the last one started; true
     * when it may go, false when the run was paused or closed, or a task came, meanwhile.
     */
    private boolean awaitPace(long lastStart) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (closed || !running || !tasks.isEmpty()) {
                    return false;
                }
                long wait = lastStart + minimumNanos - System.nanoTime();
                if (wait <= 0) {
                    return true;
                }
                lock.wait(Math.max(1, wait / 1_000_000), 0);
            }
        }
    }

    private boolean allOverflowed() {
        return histories.stream().allMatch(RunHistory::overflowed);
    }

    private void run() {
        try {
            flows = new ArrayList<>();
            for (GradientFlow.Config c : configs) {
                flows.add(new GradientFlow(c, data));
            }
            for (int i = 0; i < flows.size(); i++) {
                histories.get(i).record(flows.get(i).measure(), true);
            }
            started = true;
            version.incrementAndGet();
            long last = 0;
            while (true) {
                Runnable task;
                boolean playing;
                synchronized (lock) {
                    while (!closed && tasks.isEmpty() && !running && pendingSteps == 0) {
                        waiting = true;
                        lock.wait();
                    }
                    waiting = false;
                    if (closed) {
                        break;
                    }
                    task = tasks.poll();
                    playing = running;
                    if (task == null && !running) {
                        pendingSteps--;
                    }
                }
                if (task != null) {
                    task.run();
                    continue;
                }
                if (playing && last != 0 && !awaitPace(last)) {
                    continue; // paused, closed or given a task while waiting
                }
                long started = System.nanoTime();
                boolean overflow = false;
                for (int i = 0; i < flows.size(); i++) {
                    RunHistory h = histories.get(i);
                    if (!h.overflowed()) {
                        GradientFlow.StepStats s = flows.get(i).step();
                        h.record(s, false);
                        overflow |= s.nonFinite() != null;
                    }
                }
                if (playing && last != 0) {
                    double rate = 1e9 / Math.max(1, started - last);
                    stepsPerSecond = stepsPerSecond == 0 ? rate : 0.9 * stepsPerSecond + 0.1 * rate;
                }
                last = playing ? started : 0;
                if (overflow) {
                    pause(); // the lab says where, and waits: nothing more happens until the user decides
                }
                version.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            error = e instanceof OutOfMemoryError ? "out of memory" : e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName();
        } finally {
            synchronized (lock) {
                closed = true;
                for (Runnable t; (t = tasks.poll()) != null; ) {
                    t.run(); // completes, exceptionally if the networks never came to be
                }
            }
            version.incrementAndGet();
        }
    }
}
