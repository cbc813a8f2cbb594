package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains an MLP on all of MNIST, evaluating on the test set after each epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an MLP on the 60,000 MNIST training images and test it on the 10,000 after each epoch.",
                "A progress bar on stderr shows the batch, loss, samples/s and time left."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--dataset", description = "The dataset: mnist (default: ${DEFAULT-VALUE}).", defaultValue = "mnist")
    String dataset;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @Option(names = "--json", description = "End with one JSON line on stdout: test accuracy and loss, epoch seconds, "
            + "train losses, parameter count.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!"mnist".equalsIgnoreCase(dataset)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown dataset '" + dataset + "'; this command trains on mnist");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingConfig config;
        try {
            // Every option, the save target included, before the data is read: a usage error costs no loading.
            config = options.config();
            if (save != null) {
                SaveTarget.check(save, LayerSizes.parameters(config.layers()));
            }
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            return BackpropLabCommand.USAGE;
        }
        Mnist mnist;
        org.backproplab.nn.Examples train;
        try {
            mnist = options.loadMnist();
            train = options.trainingExamples(mnist);
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            return BackpropLabCommand.USAGE;
        } catch (DataFileException e) {
            err.println("train: " + e.getMessage());
            return BackpropLabCommand.FAILURE;
        }
        err.println("train: " + config.layerList() + " " + config.activation().id() + ", " + config.optimizer() + " lr "
                + config.learningRate() + ", batch " + config.batchSize() + ", " + config.epochs() + " epochs, seed "
                + config.seed() + " (kernel: " + org.backproplab.engine.kernel.Kernels.gemm().name() + ")");
        Trainer.Result result;
        try (Progress progress = new Progress(err)) {
            result = new Trainer(config).train(train,
                    TrainingOptions.examples(mnist.test()), progress, null);
        }
        List<Trainer.EpochResult> epochs = result.epochs();
        if (save != null) {
            try {
                ModelFile.save(result.model(), save);
            } catch (java.io.IOException e) {
                err.println("train: " + SaveTarget.failure(save, e));
                return BackpropLabCommand.FAILURE;
            }
            err.println("train: model saved to " + save);
        }
        Trainer.EpochResult last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("test_accuracy", last == null ? null : last.testAccuracy());
            o.put("test_loss", last == null ? null : last.testLoss());
            o.put("epoch_seconds", epochs.stream().map(Trainer.EpochResult::seconds).toList());
            o.put("train_loss", epochs.stream().map(Trainer.EpochResult::trainLoss).toList());
            o.put("parameters", result.model().parameterCount());
            out.println(JsonWriter.write(o));
        } else if (last != null) {
            out.printf("test accuracy %.2f%%, test loss %.4f after %d epochs; median %.3f s per epoch; %,d parameters%n",
                    100 * last.testAccuracy(), last.testLoss(), epochs.size(), median(epochs), result.model().parameterCount());
        }
        out.flush();
        return 0;
    }

    /** The median training seconds of the epochs. */
    static double median(List<Trainer.EpochResult> epochs) {
        return Median.of(epochs.stream().mapToDouble(Trainer.EpochResult::seconds).toArray());
    }

    /** A progress bar per epoch on stderr, and one summary line when each epoch ends. */
    static final class Progress implements Trainer.Listener, AutoCloseable {
        private final PrintWriter err;
        private ProgressBar bar;
        private int epoch;
        private long lastUpdate;

        Progress(PrintWriter err) {
            this.err = err;
        }

        private int epochs;
        private int batches;

        @Override
        public void batch(Trainer.BatchProgress p) {
            if (bar == null || p.epoch() != epoch) {
                close();
                open(p.epoch(), p.epochs(), p.batches());
            }
            // Formatting costs more than a batch of a small network: update a few times a second.
            long now = System.nanoTime();
            if (now - lastUpdate < 100_000_000L && p.batch() != 1 && p.batch() != p.batches()) {
                return;
            }
            lastUpdate = now;
            bar.stepTo(p.batch());
            bar.setExtraMessage(String.format(" loss %.4f  %,.0f samples/s  ETA %s", p.loss(), p.samplesPerSecond(),
                    eta(p.etaSeconds())));
        }

        /** A bar (and its refresh thread) for one epoch. */
        private void open(int epoch, int epochs, int batches) {
            this.epoch = epoch;
            this.epochs = epochs;
            this.batches = batches;
            bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs)
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.print("\r" + line);
                        err.flush();
                    }, 100)).setUpdateIntervalMillis(250).build();
        }

        @Override
        public void epoch(Trainer.EpochResult r) {
            close();
            err.printf("epoch %d: train loss %.4f, test loss %.4f, test accuracy %.2f%%, %.3f s%n", r.epoch(),
                    r.trainLoss(), r.testLoss(), 100 * r.testAccuracy(), r.seconds());
            err.flush();
            if (r.epoch() < epochs) {
                // The next epoch's bar is made here, between epochs, so that its thread's start is not timed.
                open(r.epoch() + 1, epochs, batches);
            }
        }

        private static String eta(double seconds) {
            long s = Math.round(seconds);
            return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                err.println();
                bar = null;
            }
        }
    }
}
