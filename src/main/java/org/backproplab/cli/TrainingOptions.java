package org.backproplab.cli;

import java.nio.file.Path;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.backproplab.engine.kernel.Kernels;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Schedule;
import org.backproplab.nn.TrainingConfig;
import picocli.CommandLine.Option;

/** The network and training options that {@code train} and {@code bench} share. */
final class TrainingOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the four MNIST IDX files "
            + "(default: datasets/mnist).")
    Path data;

    @Option(names = "--layers", paramLabel = "SIZES", description = "Layer sizes, input to output (default: ${DEFAULT-VALUE}).",
            defaultValue = "784,128,10")
    String layers;

    @Option(names = "--activation", description = "sigmoid, tanh, relu or leaky_relu (default: ${DEFAULT-VALUE}).",
            defaultValue = "relu")
    String activation;

    @Option(names = "--batchnorm", description = "BatchNorm after each hidden linear layer.")
    boolean batchNorm;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout rate after each hidden activation (default: 0).",
            defaultValue = "0")
    double dropout;

    @Option(names = "--init", description = "zeros, small, normal, xavier, xavier_normal, he or he_normal "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "xavier")
    String init;

    @Option(names = "--optimizer", description = "sgd, momentum, nesterov, rmsprop or adam (default: ${DEFAULT-VALUE}).",
            defaultValue = "adam")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}).", defaultValue = "0.001")
    double lr;

    @Option(names = "--schedule", description = "none, cosine or step:EVERY:FACTOR (default: ${DEFAULT-VALUE}).",
            defaultValue = "none")
    String schedule;

    @Option(names = "--weight-decay", paramLabel = "L", description = "L2 weight decay (default: 0).", defaultValue = "0")
    double weightDecay;

    @Option(names = "--clip-norm", paramLabel = "X", description = "Clip gradients to this global norm.")
    Double clipNorm;

    @Option(names = "--clip-value", paramLabel = "X", description = "Clip each gradient element into [-X, X].")
    Double clipValue;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size (default: ${DEFAULT-VALUE}).", defaultValue = "128")
    int batch;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for weights and shuffling (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    long seed;

    @Option(names = "--train-limit", paramLabel = "N", description = "Train on the first N training images only "
            + "(quick experiments; default: all 60,000).")
    Integer trainLimit;

    /** The training examples: all of them, or the first --train-limit (its lower bound is checked in config). */
    Examples trainingExamples(Mnist mnist) {
        Examples all = examples(mnist.train());
        if (trainLimit == null) {
            return all;
        }
        if (trainLimit > all.count()) {
            throw new IllegalArgumentException("--train-limit must be between 1 and " + all.count() + ", not " + trainLimit);
        }
        return new Examples(all.name(), trainLimit, all.features(), all.classes(), all.gatherer());
    }

    /**
     * The config, every option checked before any data is read; each failure names its option and value. The
     * choices (activation, initialiser, optimizer, schedule) are parsed by their own types, whose messages list
     * what they accept.
     */
    TrainingConfig config() {
        Checks.atLeast("--batch", batch, 1);
        Checks.atLeast("--epochs", epochs, 0);
        Checks.positive("--lr", lr);
        Checks.rate("--dropout", dropout);
        Checks.notNegative("--weight-decay", weightDecay);
        if (trainLimit != null) {
            Checks.atLeast("--train-limit", trainLimit, 1);
        }
        int[] sizes = LayerSizes.forMnist(layers, batch, Runtime.getRuntime().maxMemory());
        return new TrainingConfig(sizes, Activation.Kind.parse(activation), batchNorm, dropout,
                Initializer.Scheme.parse(init), OptimizerKind.parse(optimizer), lr, schedule(),
                weightDecay, clipping(clipNorm, clipValue), batch, epochs, seed);
    }

    /** --schedule, its own message prefixed with the option: a bad step says which number is wrong. */
    private Schedule schedule() {
        try {
            return Schedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--schedule: " + e.getMessage(), e);
        }
    }

    /** --clip-norm or --clip-value (at most one, positive) as a clipping. */
    static Clipping clipping(Double clipNorm, Double clipValue) {
        if (clipNorm != null && clipValue != null) {
            throw new IllegalArgumentException("choose one of --clip-norm and --clip-value");
        }
        return clipNorm != null ? new Clipping.ByNorm(Checks.positive("--clip-norm", clipNorm))
                : clipValue != null ? new Clipping.ByValue(Checks.positive("--clip-value", clipValue)) : Clipping.NONE;
    }

    Mnist loadMnist() throws DataFileException {
        Kernels.warmUpInBackground(); // the kernels compile while the files are read
        return Mnist.load(dataDirectory());
    }

    /** Where the MNIST files are read from: --data, else the default directory. */
    Path dataDirectory() {
        return data != null ? data : Mnist.defaultDirectory();
    }

    static Examples examples(Mnist.Split split) {
        return new Examples(split.name(), split.count(), split.pixelsPerImage(), 10, split::gather);
    }
}
