package org.backproplab.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.backproplab.sampling.MiniBatches;

/**
 * Why mini-batches: the same network trained for the same time at several batch sizes, from the same first weights,
 * by the one {@link TrainingStep} (as {@link Trainer} does). Each lane runs until its training time reaches the budget
 * (so its last step may end a little after it); the loss on a fixed set of examples is measured at a few moments,
 * the clock stopped meanwhile, so "seconds" are training seconds only. A small batch makes many cheap, noisy steps,
 * the full batch few exact, expensive ones: the points say which gets further in the time, and per epoch.
 */
public final class BatchSizeRace {

    /** The loss on the measuring set after {@code seconds} of training, {@code epochs} of data seen. */
    public record Point(double seconds, double epochs, double loss) {
    }

    /**
     * One batch size's run: steps taken in {@code seconds} of training, hence the time a step takes and an epoch
     * would take ({@code stepSeconds} × steps an epoch), the epochs of data seen, and the loss as it went;
     * {@code lastStepSeconds}, the last step's own time, is how far past the budget the lane may have run.
     */
    public record Lane(int batchSize, long steps, double seconds, double stepSeconds, double epochSeconds,
                       double epochs, List<Point> points, boolean cancelled, double lastStepSeconds) {
        public Lane {
            points = List.copyOf(points);
        }

        /** The last loss measured. */
        public double finalLoss() {
            return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).loss();
        }
    }

    /** Told on the racing thread: how far a lane is (0 to 1), and each point it measures. */
    public interface Listener {
        default void progress(int lane, double fraction) {
        }

        default void point(int lane, Point point) {
        }
    }

    /** How many times a lane measures its loss (besides at the start). */
    public static final int MEASUREMENTS = 20;

    private BatchSizeRace() {
    }

    /**
     * Races {@code batchSizes} one after another, each {@code secondsEach} of training of {@code config}'s network
     * (its optimizer, learning rate and seed; its batch size and epochs are the race's) on {@code train}, the loss
     * measured on {@code measure}. {@code cancelled} is asked between steps: a cancelled lane ends there, marked,
     * and the lanes after it are not run.
     */
    public static List<Lane> race(TrainingConfig config, Examples train, Examples measure, int[] batchSizes,
                                  double secondsEach, Listener listener, BooleanSupplier cancelled) {
        if (!(secondsEach > 0) || !Double.isFinite(secondsEach)) {
            throw new IllegalArgumentException("the time for each batch size must be more than 0 s, not " + secondsEach);
        }
        warmUp(config, train);
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < batchSizes.length; i++) {
            int size = batchSizes[i];
            if (size < 1 || size > train.count()) {
                throw new IllegalArgumentException("a batch size is 1 to " + train.count() + ", not " + size);
            }
            Lane lane = lane(config.withBatchSize(size), train, measure, secondsEach, i, listener, cancelled);
            lanes.add(lane);
            if (lane.cancelled()) {
                break;
            }
        }
        return lanes;
    }

    /**
     * A few untimed steps on a throwaway copy of the network, so that the first lane does not pay for the JIT's
     * compiling the training step (at batch 1 that made its steps look twenty times slower than they are).
     */
    private static void warmUp(TrainingConfig config, Examples train) {
        int size = Math.min(32, train.count());
        Lane ignored = lane(config.withBatchSize(size), train, new Examples(train.name(), Math.min(16, train.count()),
                train.features(), train.classes(), train.gatherer()), 0.05, -1, null, () -> false);
        assert ignored.steps() > 0;
    }

    private static Lane lane(TrainingConfig config, Examples train, Examples measure, double budget, int index,
                             Listener listener, BooleanSupplier cancelled) {
        Sequential network = config.buildNetwork();
        Model model = new Model(config, network);
        TrainingStep step = new TrainingStep(config.optimizer().create(network.parameters(), config.learningRate())
                .withWeightDecay(config.weightDecay()), config.clipping());
        MiniBatches batches = new MiniBatches(train.count(), config.batchSize(), new Random(config.seed() ^ 0x5DEECE66DL));
        Map<Integer, BatchGraph> graphs = new HashMap<>();
        List<Point> points = new ArrayList<>();
        Listener l = listener == null ? new Listener() { } : listener;
        Point first = new Point(0, 0, Evaluation.of(model, measure).loss());
        points.add(first);
        l.point(index, first);
        long trained = 0; // nanoseconds of training only
        long last = 0;
        long steps = 0;
        long seen = 0;
        int next = 1;
        boolean stopped = false;
        int b = batches.batches();
        while (trained < budget * 1e9) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            if (b == batches.batches()) {
                batches.shuffle();
                b = 0;
            }
            long t0 = System.nanoTime();
            network.setTraining(true);
            int n = batches.size(b);
            BatchGraph g = graphs.computeIfAbsent(n, r -> new BatchGraph(network, r, train.features(), train.classes()));
            train.gatherer().gather(batches.order(), batches.from(b), n, g.inputs(), g.targets());
            step.run(g.objective());
            last = System.nanoTime() - t0;
            trained += last;
            steps++;
            seen += n;
            b++;
            if (trained >= next * budget * 1e9 / MEASUREMENTS || trained >= budget * 1e9) {
                Point p = new Point(trained / 1e9, (double) seen / train.count(), Evaluation.of(model, measure).loss());
                points.add(p);
                l.point(index, p);
                l.progress(index, Math.min(1, trained / (budget * 1e9)));
                next = (int) (trained / (budget * 1e9 / MEASUREMENTS)) + 1;
            }
        }
        double seconds = trained / 1e9;
        double stepSeconds = steps == 0 ? Double.NaN : seconds / steps;
        return new Lane(config.batchSize(), steps, seconds, stepSeconds, stepSeconds * batches.batches(),
                (double) seen / train.count(), points, stopped, last / 1e9);
    }
}
