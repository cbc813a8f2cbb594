package org.backproplab.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backproplab.sampling.MiniBatches;

/**
 * Trains a network on labelled examples: mini-batches reshuffled every epoch from the seed, each batch one
 * {@link TrainingStep} (forward, backward, optional clipping, optimizer step) on a graph built once per batch
 * size; evaluation on the test set after every epoch. Produces a {@link Model}. Epoch seconds count the training loop only.
 */
public final class Trainer {

    /** Progress of one batch. */
    public record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond,
                                double etaSeconds) {
    }

    /** One finished epoch: mean training loss, test loss and accuracy, training seconds. */
    public record EpochResult(int epoch, double trainLoss, double testLoss, double testAccuracy, double seconds,
                              double learningRate, int[][] confusion) {
    }

    /** What a run produced; {@code stopped} when it was stopped before its last epoch. */
    public record Result(Model model, List<EpochResult> epochs, boolean stopped) {
    }

    /** Hears about batches and epochs, on the training thread. */
    public interface Listener {
        /**
         * The model being trained, once, before the first batch. Its parameters change with every step: read them
         * only from {@link #batch} or {@link #epoch} (the training thread, between two steps), e.g. to copy them
         * for a live view.
         */
        default void started(Model model) {
        }

        default void batch(BatchProgress progress) {
        }

        default void epoch(EpochResult result) {
        }
    }

    /** Pause, resume and stop from another thread; each takes effect between two batches. */
    public static final class Control {
        private volatile boolean paused;
        private volatile boolean stopped;

        public synchronized void pause() { paused = true; }

        public synchronized void resume() {
            paused = false;
            notifyAll();
        }

        public synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        public boolean isPaused() { return paused; }
        public boolean isStopped() { return stopped; }

        synchronized void awaitResume() throws InterruptedException {
            while (paused && !stopped) {
                wait();
            }
        }
    }

    private final TrainingConfig config;

    public Trainer(TrainingConfig config) {
        this.config = config;
    }

    public Result train(Examples train, Examples test, Listener listener, Control control) throws InterruptedException {
        Sequential network = config.buildNetwork();
        Model model = new Model(config, network);
        Optimizer optimizer = config.optimizer().create(network.parameters(), config.learningRate())
                .withWeightDecay(config.weightDecay());
        TrainingStep step = new TrainingStep(optimizer, config.clipping(), config.schedule());
        Map<Integer, BatchGraph> graphs = new HashMap<>();
        MiniBatches batches = new MiniBatches(train.count(), config.batchSize(), new Random(config.seed() ^ 0x5DEECE66DL));
        List<EpochResult> results = new ArrayList<>();
        Listener l = listener == null ? new Listener() { } : listener;
        Control c = control == null ? new Control() : control;
        l.started(model);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            step.startEpoch(epoch, config.epochs());
            network.setTraining(true);
            batches.shuffle();
            long start = System.nanoTime();
            long paused = 0;
            double lossSum = 0;
            for (int b = 0; b < batches.batches(); b++) {
                if (c.isPaused()) {
                    long p0 = System.nanoTime();
                    c.awaitResume();
                    paused += System.nanoTime() - p0;
                }
                if (c.isStopped()) {
                    return new Result(model, results, true);
                }
                int n = batches.size(b);
                BatchGraph g = graphs.computeIfAbsent(n, r -> new BatchGraph(network, r, train.features(), train.classes()));
                train.gatherer().gather(batches.order(), batches.from(b), n, g.inputs(), g.targets());
                double loss = step.run(g.objective()).loss();
                lossSum += loss * n;
                if (listener != null) {
                    double secs = (System.nanoTime() - start - paused) / 1e9;
                    int done = batches.from(b) + n;
                    double rate = done / Math.max(secs, 1e-9);
                    double remaining = (train.count() - done) + (double) train.count() * (config.epochs() - epoch - 1);
                    l.batch(new BatchProgress(epoch + 1, config.epochs(), b + 1, batches.batches(), loss, rate,
                            remaining / rate));
                }
            }
            double seconds = (System.nanoTime() - start - paused) / 1e9;
            Evaluation eval = Evaluation.of(model, test);
            EpochResult r = new EpochResult(epoch + 1, lossSum / train.count(), eval.loss(), eval.accuracy(), seconds,
                    optimizer.learningRate(), eval.confusion());
            results.add(r);
            l.epoch(r);
        }
        return new Result(model, results, false);
    }
}
