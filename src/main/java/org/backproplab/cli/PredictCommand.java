package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.data.DataFileException;
import org.backproplab.data.DigitImage;
import org.backproplab.data.Mnist;
import org.backproplab.nn.Model;
import org.backproplab.nn.ModelFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code predict}: a saved model's class probabilities for one test image or one PNG. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print a saved model's class probabilities for MNIST test image N or for a PNG of a digit.")
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model saved by train --save.")
    Path modelFile;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--image", paramLabel = "N", description = "Index (0-9999) of an image of the MNIST test set "
                + "(t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte; the training files are not read).")
        Integer index;

        @Option(names = "--png", paramLabel = "FILE", description = "A PNG of one digit, up to " + DigitImage.MAX_SIDE
                + "x" + DigitImage.MAX_SIDE + ": scaled to 28x28 and turned white-on-black if its background is light.")
        Path png;
    }

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files (default: datasets/mnist).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.index != null && input.index < 0) {
            err.println("predict: --image must be 0 or more, not " + input.index);
            return BackpropLabCommand.USAGE;
        }
        try {
            Model model = ModelFile.load(modelFile);
            if (model.inputs() != Mnist.SIDE * Mnist.SIDE) {
                err.println("predict: " + modelFile.getFileName() + ": the model takes " + model.inputs() + " inputs; "
                        + "predict needs a model of MNIST's " + Mnist.SIDE * Mnist.SIDE + " pixels");
                return BackpropLabCommand.FAILURE;
            }
            float[] pixels;
            String truth = "";
            if (input.png != null) {
                pixels = DigitImage.read(input.png, Mnist.SIDE);
            } else {
                // Only the test set: a damaged or missing training file must not stop a prediction that never uses it.
                Mnist.Split test = Mnist.loadSplit(data != null ? data : Mnist.defaultDirectory(), "test",
                        Mnist.TEST_IMAGES, Mnist.TEST_LABELS);
                if (input.index >= test.count()) {
                    err.println("predict: --image must be between 0 and " + (test.count() - 1) + ", not " + input.index);
                    return BackpropLabCommand.USAGE;
                }
                pixels = new float[test.pixelsPerImage()];
                test.gather(new int[] {input.index}, 0, 1, pixels, new float[10]);
                truth = " (label " + test.label(input.index) + ")";
            }
            double[] p = model.probabilities(pixels);
            if (java.util.Arrays.stream(p).anyMatch(Double::isNaN)) {
                // finite weights so large that the logits overflow: no probability is better than "predicted: 0"
                err.println("predict: " + modelFile.getFileName() + ": the model's output for this image is not a "
                        + "number (its weights are too large)");
                return BackpropLabCommand.FAILURE;
            }
            int best = 0;
            for (int c = 0; c < p.length; c++) {
                out.printf("%d  %.4f  %s%n", c, p[c], "#".repeat((int) Math.round(p[c] * 40)));
                best = p[c] > p[best] ? c : best;
            }
            out.println("predicted: " + best + truth);
            out.flush();
            return 0;
        } catch (ModelFile.ModelFileException | DataFileException e) {
            // The options were fine; a file they named was not (a bad model, data set or PNG): a failure, not usage.
            err.println("predict: " + e.getMessage());
            return BackpropLabCommand.FAILURE;
        }
    }
}
