package org.backproplab.ui.playground;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.backproplab.labs.Playground;
import org.backproplab.stepper.LossHistory;

/**
 * The playground's training, on a thread of its own that alone touches the network: play, pause, one epoch, a new
 * network, new settings. While it plays it trains epochs at the chosen speed and, at most {@value #FRAMES_PER_SECOND}
 * times a second, publishes a {@link Frame}: the decision boundary and every neuron's picture, already in pixels, a
 * copy of the weights, and the losses. Frames reach the view through {@code ui} (Platform::runLater in the app)
 * coalesced: when the view is behind it gets the newest frame, once. So the view's thread only copies pixels.
 * Without JavaFX: a test runs it with {@code Runnable::run}.
 */
public final class PlaygroundRun implements AutoCloseable {

    /** The decision boundary's grid: 100 × 100 cells. */
    public static final int BOUNDARY = 100;
    /** A neuron's picture: 32 × 32 cells. */
    public static final int THUMBNAIL = 32;
    public static final int FRAMES_PER_SECOND = 30;
    /** The speed that trains as fast as the machine can. */
    public static final int FASTEST = 0;
    static final long FRAME_NANOS = 1_000_000_000L / FRAMES_PER_SECOND;

    /**
     * What the view shows after some epochs. Never changed after it is published.
     *
     * @param epoch     epochs trained
     * @param boundary  the network's output over a {@value #BOUNDARY}² grid, as ARGB pixels
     * @param pictures  per column of the network diagram (the features, each hidden layer, the output), per neuron,
     *                  its outputs over a {@value #THUMBNAIL}² grid as ARGB pixels
     * @param trainLoss the training loss after each epoch (shared, growing; read it up to {@code epoch} entries)
     * @param accuracy  the share of test points classified right; NaN for regression
     */
    public record Frame(long number, int epoch, PlaygroundData data, NetworkSnapshot network, int[] boundary,
                        int[][][] pictures, LossHistory trainLoss, LossHistory testLoss, double accuracy) {
    }

    /** One daemon thread, which ends when idle for a while (a window that is never shown leaves no thread behind). */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "playground-training");
                t.setDaemon(true);
                return t;
            });
    private final Consumer<Runnable> ui;
    private final Consumer<Frame> show;
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean playing = new AtomicBoolean();
    private final AtomicLong playToken = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicReference<Playground.Config> retuned = new AtomicReference<>();
    private volatile int speed = 60;

    // Owned by the worker thread.
    private Playground playground;
    private PlaygroundData data;
    private int epochBase;
    private LossHistory trainLoss = new LossHistory();
    private LossHistory testLoss = new LossHistory();

    /** @param show gets each frame on the view's thread, via {@code ui} */
    public PlaygroundRun(Consumer<Runnable> ui, Consumer<Frame> show) {
        this.ui = ui;
        this.show = show;
        worker.allowCoreThreadTimeOut(true);
    }

    // ---- commands, from any thread ----

    /** A new network on these points (epoch 0, no losses); if it was playing, it plays on with the new one. */
    public void rebuild(Playground.Config config, PlaygroundData points) {
        boolean wasPlaying = playing.get();
        pause();
        retuned.set(null);
        worker.execute(() -> {
            playground = points.playground(config);
            data = points;
            epochBase = 0;
            trainLoss = new LossHistory();
            testLoss = new LossHistory();
            publish();
        });
        if (wasPlaying) {
            play();
        }
    }

    /**
     * New settings that keep the network's shape (learning rate, regularisation, batch size): training goes on from
     * the weights it has, and the epochs and losses carry on. Takes effect before the next epoch, also while playing.
     */
    public void retune(Playground.Config config) {
        retuned.set(config);
        worker.execute(this::applyRetune);
    }

    public void play() {
        if (playing.compareAndSet(false, true)) {
            long token = playToken.incrementAndGet();
            worker.execute(() -> loop(token));
        }
    }

    /** Stops after the current epoch, which is then shown. */
    public void pause() {
        playing.set(false);
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** One epoch, then a frame; ignored while playing. */
    public void step() {
        if (!playing.get()) {
            worker.execute(() -> {
                if (playground != null) {
                    epoch();
                    publish();
                }
            });
        }
    }

    /** Epochs a second while playing; {@link #FASTEST} for as many as the machine can. */
    public void setSpeed(int epochsPerSecond) {
        speed = Math.max(0, epochsPerSecond);
    }

    public int speed() {
        return speed;
    }

    /** Writes the lesson of {@code ref} (pausing first) and hands it to {@code done} on the view's thread. */
    public void explain(ParamRef ref, Consumer<ExplainLesson> done, Consumer<RuntimeException> failed) {
        pause();
        worker.execute(() -> {
            try {
                ExplainLesson lesson = ExplainLesson.of(playground, data, ref, epochs());
                ui.accept(() -> done.accept(lesson));
            } catch (RuntimeException e) {
                ui.accept(() -> failed.accept(e));
            }
        });
    }

    /** How many frames have been published so far. */
    public long framesPublished() {
        return frames.get();
    }

    /** Runs {@code job} on the training thread after everything asked so far (tests wait on it). */
    public void then(Runnable job) {
        worker.execute(job);
    }

    @Override
    public void close() {
        pause();
        worker.shutdownNow();
    }

    // ---- on the worker ----

    private int epochs() {
        return epochBase + playground.epochs();
    }

    private void applyRetune() {
        Playground.Config config = retuned.getAndSet(null);
        if (config == null || playground == null) {
            return;
        }
        Playground next = data.playground(config);
        NetworkSnapshot.copyValues(playground, next);
        epochBase += playground.epochs();
        playground = next;
    }

    private void epoch() {
        applyRetune();
        playground.epoch();
        trainLoss.add(playground.loss(false));
        testLoss.add(playground.loss(true));
    }

    /**
     * Trains while playing: epochs fall due at the chosen speed (all it can at {@link #FASTEST}), and a frame goes out
     * when some epochs are new and the last frame is at least 1/{@value #FRAMES_PER_SECOND} s old. Falling far
     * behind a speed the machine cannot keep, it drops the debt rather than racing to catch up.
     */
    private void loop(long token) {
        long start = System.nanoTime();
        long lastFrame = start - FRAME_NANOS;
        int speedAtStart = speed;
        long due = 0;
        long done = 0;
        boolean unpublished = false;
        while (playing.get() && playToken.get() == token && playground != null) {
            long now = System.nanoTime();
            if (speed != speedAtStart) { // a new speed counts from now
                speedAtStart = speed;
                start = now;
                done = 0;
            }
            due = speedAtStart == FASTEST ? done + 1 : (now - start) * speedAtStart / 1_000_000_000L;
            if (due - done > Math.max(2, speedAtStart / 2)) {
                start = now - done * 1_000_000_000L / Math.max(1, speedAtStart);
                due = done + 1;
            }
            if (done < due) {
                epoch();
                done++;
                unpublished = true;
            }
            now = System.nanoTime();
            if (unpublished && now - lastFrame >= FRAME_NANOS) {
                publish();
                lastFrame = now;
                unpublished = false;
            } else if (speedAtStart != FASTEST && done >= due) {
                long nextEpoch = start + (done + 1) * 1_000_000_000L / Math.max(1, speedAtStart);
                long wait = Math.min(nextEpoch, unpublished ? lastFrame + FRAME_NANOS : Long.MAX_VALUE) - now;
                LockSupport.parkNanos(Math.max(100_000L, Math.min(wait, 5_000_000L)));
            }
        }
        if (unpublished && playground != null) {
            publish();
        }
    }

    private void publish() {
        NetworkSnapshot net = NetworkSnapshot.of(playground);
        double extent = data.extent();
        boolean classification = playground.config().problem() == Playground.Problem.CLASSIFICATION;
        double lo = classification ? 0 : data.labelMin();
        double hi = classification ? 1 : data.labelMax();
        double[][][] big = net.forward(HeatMaps.grid(BOUNDARY, -extent, extent));
        int[] boundary = HeatMaps.boundary(big[big.length - 1][0], lo, hi);
        double[][][] small = net.forward(HeatMaps.grid(THUMBNAIL, -extent, extent));
        int[][][] pictures = new int[small.length][][];
        for (int c = 0; c < small.length; c++) {
            pictures[c] = new int[small[c].length][];
            for (int n = 0; n < small[c].length; n++) {
                boolean output = c == small.length - 1;
                pictures[c][n] = c == 0 ? HeatMaps.feature(small[c][n])
                        : output ? HeatMaps.neuron(signedAll(small[c][n], lo, hi)) : HeatMaps.neuron(small[c][n]);
            }
        }
        Frame f = new Frame(frames.incrementAndGet(), epochs(), data, net, boundary, pictures, trainLoss, testLoss,
                classification ? playground.accuracy(true) : Double.NaN);
        latest.set(f);
        if (pending.compareAndSet(false, true)) {
            ui.accept(() -> {
                pending.set(false);
                show.accept(latest.get());
            });
        }
    }

    private static double[] signedAll(double[] values, double lo, double hi) {
        double[] t = new double[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = HeatMaps.signed(values[i], lo, hi);
        }
        return t;
    }
}
