package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.backproplab.data.Mnist;
import org.backproplab.engine.kernel.Gemm;
import org.backproplab.engine.kernel.JavaGemm;
import org.backproplab.engine.kernel.Kernels;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the speed race. Trains a preset (or any network) on full MNIST and prints seconds per epoch,
 * samples per second and the matrix products' achieved GFLOP/s, plus a kernel micro-benchmark; with
 * {@code --peer} it runs each peer script (the numpy MLP, the PyTorch one) on the same work in the same run and
 * prints each ratio ({@link PeerRace}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark training speed on full MNIST: seconds per epoch (training only, median), samples/s,",
                "achieved GFLOP/s of the matrix products, and the kernels at 128x784x128.",
                "Presets: keras (784-10-10, Adam 0.01, batch 32), mlp128 (784-128-10, Adam 0.001, batch 128),",
                "mlp256 (784-256-128-10), mlp800 (784-800-10, Adam 0.001, batch 128, dropout 0.2, cosine, 20 epochs).",
                "A preset keeps its own epochs; --seed and --seeds apply to all (keras runs 5 seeds unless --seeds is given)."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--preset", description = "keras, mlp128, mlp256 or mlp800; overrides the network and training options.")
    String preset;

    @Option(names = "--peer", paramLabel = "SCRIPT", description = "A Python MLP script to race in the same run, "
            + "on the same MNIST files (e.g. ../shared/peers/numpy_mlp.py); repeat to race several, one after another. "
            + "Run with python3 (/usr/bin/python3 for a script that imports torch) and OpenBLAS' own kernel choice.")
    List<Path> peers = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Train N times, seeds --seed to --seed+N-1, and print "
            + "the median (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int seeds;

    @Option(names = "--kernels-only", description = "Only the kernel micro-benchmark.")
    boolean kernelsOnly;

    @Option(names = "--kernel-seconds", paramLabel = "S", description = "How long the kernel micro-benchmark measures "
            + "each kernel, the fastest quarter second counted (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    double kernelSeconds;

    @Option(names = "--batch-sizes", paramLabel = "LIST", split = ",", description = "Instead of the speed race: "
            + "train the network for --seconds at each of these batch sizes (e.g. 1,32,128,1024,60000), from the same "
            + "first weights, and print the steps, the time a step and an epoch take, and the loss as it went.")
    int[] batchSizes;

    @Option(names = "--seconds", paramLabel = "S", description = "With --batch-sizes: training seconds for each "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "20")
    double seconds;

    @Option(names = "--json", description = "With --batch-sizes: one line of JSON a batch size.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batchSizes != null) {
            return BatchSizeBench.run(this, out, err);
        }
        if (!(kernelSeconds > 0) || kernelSeconds > 600) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--kernel-seconds must be more than 0 and at most 600, not " + kernelSeconds);
        }
        kernels(out, kernelSeconds);
        if (kernelsOnly) {
            return 0;
        }
        TrainingConfig config;
        Mnist mnist;
        try {
            config = preset != null ? preset(preset, options.epochs) : options.config();
            mnist = options.loadMnist();
        } catch (IllegalArgumentException | org.backproplab.data.DataFileException e) {
            err.println("bench: " + e.getMessage());
            return BackpropLabCommand.USAGE;
        }
        org.backproplab.nn.Examples train = options.trainingExamples(mnist);
        double flops = matmulFlopsPerEpoch(config.layers(), train.count());
        int seeds = this.seeds;
        if ("keras".equals(preset) && !spec.commandLine().getParseResult().hasMatchedOption("--seeds")) {
            // Ten ReLU units: a few die early at some seeds, so this preset's figure is the median of five.
            seeds = 5;
        }
        List<Double> accuracies = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (long seed = options.seed; seed < options.seed + seeds; seed++) {
            TrainingConfig run = config.withSeed(seed);
            out.printf("training %s %s, %s lr %s, batch %d, %d epochs, seed %d%n", run.layerList(), run.activation().id(),
                    run.optimizer(), run.learningRate(), run.batchSize(), run.epochs(), run.seed());
            out.flush();
            Trainer.Result r;
            try (TrainCommand.Progress progress = new TrainCommand.Progress(err)) {
                r = new Trainer(run).train(train, TrainingOptions.examples(mnist.test()), progress, null);
            }
            for (Trainer.EpochResult e : r.epochs()) {
                out.printf("epoch %2d  %.3f s  %,9.0f samples/s  %6.1f GFLOP/s  test accuracy %.2f%%%n", e.epoch(),
                        e.seconds(), train.count() / e.seconds(), flops / e.seconds() / 1e9, 100 * e.testAccuracy());
            }
            double median = TrainCommand.median(r.epochs());
            double acc = r.epochs().get(r.epochs().size() - 1).testAccuracy();
            out.printf("RESULT engine=backprop-lab layers=%s batch=%d epochs=%d seed=%d median_epoch_s=%.3f "
                            + "samples_per_s=%.0f matmul_gflops=%.1f final_test_acc=%.4f%n", run.layerList(),
                    run.batchSize(), run.epochs(), run.seed(), median, train.count() / median, flops / median / 1e9, acc);
            out.flush();
            accuracies.add(acc);
            medians.add(median);
        }
        double median = median(medians);
        if (seeds > 1) {
            out.printf("SUMMARY seeds=%d median_epoch_s=%.3f final_test_acc median=%.4f min=%.4f max=%.4f%n", seeds, median,
                    median(accuracies), accuracies.stream().mapToDouble(d -> d).min().orElse(0),
                    accuracies.stream().mapToDouble(d -> d).max().orElse(0));
        }
        if (!peers.isEmpty() && !PeerRace.fits(config)) {
            err.println("bench: the peers run 784-H-10 with Adam only; no race for " + config.layerList());
        } else {
            for (Path peer : peers) {
                PeerRace.race(peer, config.withSeed(options.seed), options.dataDirectory(), median, out, err);
            }
        }
        return 0;
    }

    private static double median(List<Double> values) {
        return Median.of(values.stream().mapToDouble(d -> d).toArray());
    }

    static TrainingConfig preset(String name, int epochs) {
        return switch (name) {
            case "keras" -> TrainingConfig.kerasClassic();
            case "mlp128" -> TrainingConfig.defaults(new int[] {784, 128, 10});
            case "mlp256" -> TrainingConfig.defaults(new int[] {784, 256, 128, 10});
            case "mlp800" -> TrainingConfig.mlp800();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; use keras, mlp128, mlp256 or mlp800");
        };
    }

    /** Multiply-adds ×2 of every product in an epoch: forward, ∂W, and ∂X for all but the first layer. */
    static double matmulFlopsPerEpoch(int[] layers, int examples) {
        double flops = 0;
        for (int l = 0; l + 1 < layers.length; l++) {
            double product = 2.0 * examples * layers[l] * layers[l + 1];
            flops += product * (l == 0 ? 2 : 3);
        }
        return flops;
    }

    private static void kernels(PrintWriter out, double seconds) {
        List<Gemm> kernels = new ArrayList<>();
        kernels.add(new JavaGemm());
        Gemm vector = Kernels.vectorOrNull();
        if (vector != null) {
            kernels.add(vector);
        }
        int m = 128;
        int n = 128;
        int k = 784;
        Random rng = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextFloat();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextFloat();
        }
        for (Gemm g : kernels) {
            // Rounds of a quarter second for up to three seconds, the fastest counted: the first rounds run while
            // the JIT is still compiling the kernel (a cold app image needs a second or more for the 12-row one).
            double secs = Double.MAX_VALUE;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            do {
                int reps = 0;
                long start = System.nanoTime();
                while (System.nanoTime() - start < 250_000_000L) {
                    g.f32(false, false, m, n, k, a, b, c);
                    reps++;
                }
                secs = Math.min(secs, (System.nanoTime() - start) / 1e9 / reps);
            } while (System.nanoTime() < end);
            out.printf("kernel %-24s %dx%dx%d  %7.1f us  %6.1f GFLOP/s%s%n", g.name(), m, n, k, secs * 1e6,
                    2.0 * m * n * k / secs / 1e9, g.name().equals(Kernels.gemm().name()) ? "  (in use)" : "");
        }
        if (vector == null) {
            out.println("kernel Vector API: not available (start Java with --add-modules jdk.incubator.vector)");
        }
        out.flush();
    }
}
