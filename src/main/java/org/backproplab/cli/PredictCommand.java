package org.backproplab.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.backproplab.data.DataFileException;
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
        @Option(names = "--image", paramLabel = "N", description = "Index (0-9999) of an MNIST test image.")
        Integer index;

        @Option(names = "--png", paramLabel = "FILE", description = "A PNG of one digit, any size: scaled to 28x28 and "
                + "turned white-on-black if its background is light.")
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
            float[] pixels;
            String truth = "";
            if (input.png != null) {
                pixels = fromPng(input.png, model.inputs());
            } else {
                Mnist.Split test = Mnist.load(data != null ? data : Mnist.defaultDirectory()).test();
                if (input.index < 0 || input.index >= test.count()) {
                    err.println("predict: --image must be between 0 and " + (test.count() - 1) + ", not " + input.index);
                    return BackpropLabCommand.USAGE;
                }
                pixels = new float[test.pixelsPerImage()];
                test.gather(new int[] {input.index}, 0, 1, pixels, new float[10]);
                truth = " (label " + test.label(input.index) + ")";
            }
            double[] p = model.probabilities(pixels);
            int best = 0;
            for (int c = 0; c < p.length; c++) {
                out.printf("%d  %.4f  %s%n", c, p[c], "#".repeat((int) Math.round(p[c] * 40)));
                best = p[c] > p[best] ? c : best;
            }
            out.println("predicted: " + best + truth);
            out.flush();
            return 0;
        } catch (ModelFile.ModelFileException | DataFileException | IOException | IllegalArgumentException e) {
            // The options were fine; a file they named was not (a bad model, data set or PNG): a failure, not usage.
            err.println("predict: " + e.getMessage());
            return BackpropLabCommand.FAILURE;
        }
    }

    /** Grey values of the PNG scaled to side×side, in [0, 1], white ink on black as MNIST has it. */
    static float[] fromPng(Path file, int inputs) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            // ImageIO's own messages ("Error reading PNG image data") do not say which file
            throw new IOException(file.getFileName() + ": cannot read the image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new IOException(file.getFileName() + ": not an image that Java can read");
        }
        int side = (int) Math.round(Math.sqrt(inputs));
        BufferedImage grey = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, side, side, null);
        g.dispose();
        float[] pixels = new float[side * side];
        double mean = 0;
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (grey.getRaster().getSample(i % side, i / side, 0)) / 255f;
            mean += pixels[i];
        }
        if (mean / pixels.length > 0.5) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 1 - pixels[i];
            }
        }
        return pixels;
    }
}
