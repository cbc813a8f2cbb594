package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.data.DataFileException;
import org.backproplab.data.DigitImage;
import org.backproplab.data.Mnist;
import org.backproplab.nn.Fgsm;
import org.backproplab.nn.Model;
import org.backproplab.nn.ModelFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: a saved model's class probabilities for test images (one, or a range) or one PNG; with
 * {@code --fgsm EPS} also for the image after one FGSM step ({@link Fgsm}), against the true label (a PNG's: the one
 * predicted), and with {@code --json} one line of JSON an image.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print a saved model's class probabilities for MNIST test image N (or each of A-B) or for a PNG of a "
                + "digit; with --fgsm EPS, also after an FGSM attack of strength EPS.")
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model saved by train --save.")
    Path modelFile;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--image", paramLabel = "N|A-B", description = "Index (0-9999) of an image of the MNIST test set, "
                + "or a range A-B of them, one report each (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte; the "
                + "training files are not read).")
        String images;

        @Option(names = "--png", paramLabel = "FILE", description = "A PNG of one digit, up to " + DigitImage.MAX_SIDE
                + "x" + DigitImage.MAX_SIDE + ": scaled to 28x28 and turned white-on-black if its background is light.")
        Path png;
    }

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files (default: datasets/mnist).")
    Path data;

    @Option(names = "--fgsm", paramLabel = "EPS", description = "Also attack the image: one step of the fast gradient "
            + "sign method, x + EPS·sign(dL/dx) clipped to [0, 1] (EPS from 0 to 1), and predict again.")
    Double epsilon;

    @Option(names = "--json", description = "One line of JSON an image: image, label, predicted, probabilities, and "
            + "with --fgsm adversarial {epsilon, predicted, probabilities, max_pixel_change}.")
    boolean json;

    /** The most images one call reports on: all of the test set. */
    static final int MAX_IMAGES = 10_000;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] range = null;
        if (input.images != null) {
            range = range(input.images);
            if (range == null && input.images.strip().matches("-\\d+")) {
                err.println("predict: --image must be 0 or more, not " + input.images.strip());
                return BackpropLabCommand.USAGE;
            }
            if (range == null) {
                err.println("predict: --image takes N or A-B (0 <= A <= B), not '" + input.images + "'");
                return BackpropLabCommand.USAGE;
            }
        }
        if (epsilon != null && !(epsilon >= 0 && epsilon <= 1)) {
            err.println("predict: --fgsm must be from 0 to 1 (pixels are in [0, 1]), not " + epsilon);
            return BackpropLabCommand.USAGE;
        }
        try {
            Model model = ModelFile.load(modelFile);
            if (model.inputs() != Mnist.SIDE * Mnist.SIDE) {
                err.println("predict: " + modelFile.getFileName() + ": the model takes " + model.inputs() + " inputs; "
                        + "predict needs a model of MNIST's " + Mnist.SIDE * Mnist.SIDE + " pixels");
                return BackpropLabCommand.FAILURE;
            }
            if (input.png != null) {
                return report(out, err, model, input.png.getFileName().toString(), null,
                        DigitImage.read(input.png, Mnist.SIDE));
            }
            // Only the test set: a damaged or missing training file must not stop a prediction that never uses it.
            Mnist.Split test = Mnist.loadSplit(data != null ? data : Mnist.defaultDirectory(), "test",
                    Mnist.TEST_IMAGES, Mnist.TEST_LABELS);
            if (range[1] >= test.count()) {
                err.println("predict: --image must be between 0 and " + (test.count() - 1) + ", not "
                        + input.images);
                return BackpropLabCommand.USAGE;
            }
            for (int i = range[0]; i <= range[1]; i++) {
                float[] pixels = new float[test.pixelsPerImage()];
                test.gather(new int[] {i}, 0, 1, pixels, new float[10]);
                int code = report(out, err, model, i, test.label(i), pixels);
                if (code != 0) {
                    return code;
                }
            }
            return 0;
        } catch (ModelFile.ModelFileException | DataFileException e) {
            // The options were fine; a file they named was not (a bad model, data set or PNG): a failure, not usage.
            err.println("predict: " + e.getMessage());
            return BackpropLabCommand.FAILURE;
        }
    }

    /** "N" → [N, N], "A-B" → [A, B]; null for anything else. */
    static int[] range(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?").matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
        return b < a || b - a >= MAX_IMAGES ? null : new int[] {a, b};
    }

    /** One image's report: its probabilities and prediction, and with --fgsm the attacked image's. */
    private int report(PrintWriter out, PrintWriter err, Model model, Object image, Integer label, float[] pixels) {
        double[] p = model.probabilities(pixels);
        if (java.util.Arrays.stream(p).anyMatch(Double::isNaN)) {
            // finite weights so large that the logits overflow: no probability is better than "predicted: 0"
            err.println("predict: " + modelFile.getFileName() + ": the model's output for this image is not a "
                    + "number (its weights are too large)");
            return BackpropLabCommand.FAILURE;
        }
        int predicted = Model.predicted(p);
        Fgsm.Attack attack = null;
        double[] q = null;
        if (epsilon != null) { // against the true label; a PNG has none, so against what the model sees in it
            attack = Fgsm.attack(model, pixels, label != null ? label : predicted, epsilon);
            q = model.probabilities(attack.adversarial());
        }
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("image", image);
            line.put("label", label);
            line.put("predicted", predicted);
            line.put("probabilities", list(p));
            if (attack != null) {
                Map<String, Object> adversarial = new LinkedHashMap<>();
                adversarial.put("epsilon", epsilon);
                adversarial.put("predicted", Model.predicted(q));
                adversarial.put("probabilities", list(q));
                adversarial.put("max_pixel_change", attack.maxPixelChange());
                line.put("adversarial", adversarial);
            }
            out.println(JsonWriter.write(line));
        } else {
            String truth = label == null ? "" : " (label " + label + ")";
            if (image instanceof Integer && input.images.contains("-")) {
                out.println("image " + image + truth);
            }
            bars(out, p);
            out.println("predicted: " + predicted + truth);
            if (attack != null) {
                out.printf("after FGSM, epsilon %s (largest pixel change %.4f):%n", JsonWriter.number(epsilon),
                        attack.maxPixelChange());
                bars(out, q);
                out.println("predicted: " + Model.predicted(q) + (Model.predicted(q) == predicted ? " (unchanged)" : " (was "
                        + predicted + ")"));
            }
        }
        out.flush();
        return 0;
    }

    private static void bars(PrintWriter out, double[] p) {
        for (int c = 0; c < p.length; c++) {
            out.printf("%d  %.4f  %s%n", c, p[c], "#".repeat((int) Math.round(p[c] * 40)));
        }
    }

    private static List<Double> list(double[] p) {
        List<Double> l = new ArrayList<>(p.length);
        for (double v : p) {
            l.add(v);
        }
        return l;
    }
}
