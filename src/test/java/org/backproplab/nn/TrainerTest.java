package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Training on the real MNIST files: a quick run on a slice, and the tagged full epoch. */
class TrainerTest {

    private static Mnist mnist;

    @BeforeAll
    static void load() throws DataFileException {
        mnist = Mnist.load(Mnist.defaultDirectory());
    }

    static Examples examples(Mnist.Split split, int count) {
        return new Examples(split.name(), count, split.pixelsPerImage(), 10, split::gather);
    }

    @Test
    void learnsFromASliceAndIsReproducible() throws InterruptedException {
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 32, 10}).withBatchSize(50).withEpochs(2);
        Trainer.Result a = new Trainer(config).train(examples(mnist.train(), 5000), examples(mnist.test(), 2000), null, null);
        Trainer.Result b = new Trainer(config).train(examples(mnist.train(), 5000), examples(mnist.test(), 2000), null, null);
        assertEquals(2, a.epochs().size());
        assertTrue(a.epochs().get(1).testAccuracy() > 0.85, "accuracy " + a.epochs().get(1).testAccuracy());
        assertTrue(a.epochs().get(1).trainLoss() < a.epochs().get(0).trainLoss());
        assertEquals(a.epochs().get(1).trainLoss(), b.epochs().get(1).trainLoss(), "same seed, same numbers");
        int[][] confusion = a.epochs().get(1).confusion();
        int total = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                total += v;
            }
        }
        assertEquals(2000, total);
    }

    @Test
    void stopActsWithinABatchAndReportsIt() throws InterruptedException {
        Trainer.Control control = new Trainer.Control();
        List<Trainer.BatchProgress> seen = new ArrayList<>();
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 16, 10}).withBatchSize(100).withEpochs(3);
        Trainer.Result r = new Trainer(config).train(examples(mnist.train(), 3000), examples(mnist.test(), 500),
                new Trainer.Listener() {
                    @Override
                    public void batch(Trainer.BatchProgress p) {
                        seen.add(p);
                        if (seen.size() == 5) {
                            control.stop();
                        }
                    }
                }, control);
        assertTrue(r.stopped());
        assertEquals(5, seen.size());
        assertEquals(0, r.epochs().size());
    }

    @Test
    void listenerIsToldTheModelBeforeTheFirstBatch() throws InterruptedException {
        List<Object> events = new ArrayList<>();
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 8, 10}).withBatchSize(100).withEpochs(1);
        Trainer.Result r = new Trainer(config).train(examples(mnist.train(), 300), examples(mnist.test(), 100),
                new Trainer.Listener() {
                    @Override
                    public void started(Model model) {
                        events.add(model);
                    }

                    @Override
                    public void batch(Trainer.BatchProgress p) {
                        events.add(p);
                    }
                }, null);
        assertEquals(4, events.size(), "started, then three batches");
        assertSame(r.model(), events.get(0), "the model that is trained, not a copy");
    }

    @Test
    void everyOptionRuns() throws InterruptedException {
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 24, 16, 10})
                .withNetwork(Activation.Kind.LEAKY_RELU, true, 0.2, Initializer.Scheme.HE_NORMAL)
                .withOptimizer(OptimizerKind.MOMENTUM, 0.05).withRegularisation(Schedule.parse("cosine"), 1e-4, Clipping.parse("norm", 5)).withBatchSize(64).withEpochs(2);
        Trainer.Result r = new Trainer(config).train(examples(mnist.train(), 3000), examples(mnist.test(), 1000), null, null);
        assertTrue(r.epochs().get(1).testAccuracy() > 0.75, "accuracy " + r.epochs().get(1).testAccuracy());
        assertEquals(0.025, r.epochs().get(1).learningRate(), 1e-12, "cosine: half way at epoch 2 of 2");
    }

    @Test
    @Tag("mnist")
    void oneFullEpochOf784x128x10ReachesNinetyFivePercent() throws InterruptedException {
        // Adam at 0.002 on batches of 64: 938 steps, enough for 96% (0.001 on 128 stops near 94.6%).
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 128, 10}).withOptimizer(OptimizerKind.ADAM, 0.002)
                .withBatchSize(64).withEpochs(1);
        Trainer.Result r = new Trainer(config).train(examples(mnist.train(), 60_000), examples(mnist.test(), 10_000),
                null, null);
        double acc = r.epochs().get(0).testAccuracy();
        assertTrue(acc >= 0.95, "test accuracy after one epoch: " + acc);
    }

    @Test
    @Tag("mnist")
    void theKerasClassicReachesNinetyOnePointFivePercentAsTheMedianOfFiveSeeds() throws InterruptedException {
        // 784-10-10 with ten ReLU units depends on its seed: at some seeds a few units die early and the net
        // ends near 90% (the numpy peer does the same at 4 of its first 10 seeds), so the point is held by the
        // median of seeds 0-4, as `bench --preset keras` reports it.
        double[] accuracies = new double[5];
        for (int seed = 0; seed < accuracies.length; seed++) {
            Trainer.Result r = new Trainer(TrainingConfig.kerasClassic().withSeed(seed))
                    .train(examples(mnist.train(), 60_000), examples(mnist.test(), 10_000), null, null);
            assertEquals(5, r.epochs().size());
            accuracies[seed] = r.epochs().get(4).testAccuracy();
        }
        double[] sorted = accuracies.clone();
        java.util.Arrays.sort(sorted);
        assertTrue(sorted[2] >= 0.915, "median test accuracy over seeds 0-4: " + java.util.Arrays.toString(accuracies));
    }
}
