package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.backproplab.nn.Activation;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradflow}: trains a deep MLP for N steps on MNIST and reports how the gradient flows through its layers. */
@Command(name = "gradflow", mixinStandardHelpOptions = true,
        description = {"Train a deep MLP N steps on MNIST training images and report the last step layer by layer,",
                "from the input side: weight-gradient norm, update ratio ||dW||/||W||, activation mean, spread and",
                "saturated share. --steps 0 is one forward and backward at initialisation, with no update.",
                "A run past a second shows a step counter on stderr."})
public final class GradFlowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--depth", required = true, description = "Linear layers, the output layer included (2-20).")
    int depth;

    @Option(names = "--width", required = true, description = "Units per hidden layer (8-256).")
    int width;

    @Option(names = "--activation", required = true, description = "sigmoid, tanh, relu or leaky_relu.")
    String activation;

    @Option(names = "--init", required = true, description = "small (normal 0.01), normal (normal 1), xavier or he.")
    String init;

    @Option(names = "--batchnorm", description = "BatchNorm after each hidden linear layer.")
    boolean batchNorm;

    @Option(names = "--clip-norm", paramLabel = "X", description = "Clip the gradients to this global norm.")
    Double clipNorm;

    @Option(names = "--clip-value", paramLabel = "X", description = "Clip each gradient element into [-X, X].")
    Double clipValue;

    @Option(names = "--optimizer", description = "sgd, momentum, nesterov, rmsprop or adam (default: ${DEFAULT-VALUE}).",
            defaultValue = "sgd")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}).", defaultValue = "0.1")
    double lr;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: ${DEFAULT-VALUE}).", defaultValue = "256")
    int batch;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Training steps; 0 measures at initialisation.")
    int steps;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed for weights and batches.")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files (default: datasets/mnist).")
    Path data;

    @Option(names = "--json", description = "One JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradientFlow.Config config;
        try {
            // Every option before the data is read: a usage error costs no loading.
            Checks.atLeast("--steps", steps, 0);
            Checks.atLeast("--batch", batch, 1);
            Checks.positive("--lr", lr);
            Initializer.Scheme scheme = switch (init) {
                case "small", "normal", "xavier", "he" -> Initializer.Scheme.parse(init);
                default -> throw new IllegalArgumentException("unknown --init '" + init + "'; use small, normal, xavier or he");
            };
            config = new GradientFlow.Config(depth, width, Activation.Kind.parse(activation), scheme,
                    batchNorm, TrainingOptions.clipping(clipNorm, clipValue), OptimizerKind.parse(optimizer), lr, batch,
                    seed);
        } catch (IllegalArgumentException e) {
            err.println("gradflow: " + e.getMessage());
            return BackpropLabCommand.USAGE;
        }
        GradientFlow flow;
        try {
            Mnist mnist = Mnist.load(data != null ? data : Mnist.defaultDirectory());
            flow = new GradientFlow(config, TrainingOptions.examples(mnist.train()));
        } catch (DataFileException e) {
            err.println("gradflow: " + e.getMessage());
            return BackpropLabCommand.FAILURE;
        }
        List<Double> losses = new ArrayList<>();
        GradientFlow.StepStats last;
        if (steps == 0) {
            last = flow.measure();
            losses.add(last.loss());
        } else {
            try (StepProgress progress = new StepProgress(err, "gradflow", steps)) {
                do {
                    last = flow.step();
                    losses.add(last.loss());
                    progress.step(flow.steps());
                } while (flow.steps() < steps && last.nonFinite() == null);
            }
        }
        if (last.nonFinite() != null) {
            GradientFlow.NonFinite bad = last.nonFinite();
            err.printf("gradflow: values overflowed to NaN or Infinity at step %d, layer %d (%s); stopped there%n",
                    bad.step(), bad.layer(), bad.in());
        }
        if (json) {
            out.println(JsonWriter.write(report(last, losses)));
        } else {
            table(out, last, losses);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> report(GradientFlow.StepStats s, List<Double> losses) {
        List<Object> layers = new ArrayList<>();
        for (GradientFlow.LayerStats l : s.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", l.index());
            m.put("weight_grad_norm", l.weightGradNorm());
            m.put("update_ratio", l.updateRatio());
            m.put("activation_mean", l.activationMean());
            m.put("activation_std", l.activationStd());
            m.put("saturated_fraction", l.saturatedFraction());
            layers.add(m);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("layers", layers);
        o.put("grad_norm_before_clip", s.gradNormBeforeClip());
        o.put("grad_norm_after_clip", s.gradNormAfterClip());
        o.put("loss", losses);
        if (s.nonFinite() != null) {
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("layer", s.nonFinite().layer());
            bad.put("step", s.nonFinite().step());
            bad.put("in", s.nonFinite().in());
            o.put("non_finite", bad);
        }
        return o;
    }

    private static void table(PrintWriter out, GradientFlow.StepStats s, List<Double> losses) {
        out.printf("step %d, loss %.4f (first %.4f)%n", s.step(), losses.get(losses.size() - 1), losses.get(0));
        out.println("layer  |dL/dW|     |dW|/|W|   act. mean  act. std   saturated");
        for (GradientFlow.LayerStats l : s.layers()) {
            out.printf("%5d  %9.3e  %9.3e  %9.4f  %9.4f  %s%n", l.index(), l.weightGradNorm(), l.updateRatio(),
                    l.activationMean(), l.activationStd(),
                    Double.isNaN(l.saturatedFraction()) ? "   (output)" : String.format("%9.1f%%", 100 * l.saturatedFraction()));
        }
        out.printf("global gradient norm %.4e before clipping, %.4e after%n", s.gradNormBeforeClip(), s.gradNormAfterClip());
    }
}
