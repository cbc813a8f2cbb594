package org.backproplab.ui.mnist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Schedule;
import org.backproplab.nn.TrainingConfig;

/**
 * The settings form as typed: text where the user types, choices where they pick. {@link #parse()} turns it into
 * a {@link TrainingConfig} or says which field is wrong and why (a message key and its arguments, so the view
 * can say it in the user's language). Settings the form does not show take the command line's defaults:
 * Glorot-uniform weights, no weight decay, no clipping, seed 0.
 *
 * @param layers   sizes from input to output, separated by commas, dashes or spaces: "784,128,10", "784-128-10"
 * @param schedule constant or cosine, the ones the form offers
 */
public record Settings(String layers, Activation.Kind activation, boolean batchNorm, String dropout,
                       OptimizerKind optimizer, String learningRate, Schedule schedule, String batchSize,
                       String epochs) {

    /** The optimizers the form offers. */
    public static final List<OptimizerKind> OPTIMIZERS = List.of(OptimizerKind.values());
    /** The learning-rate schedules the form offers. */
    public static final List<Schedule> SCHEDULES = List.of(Schedule.NONE, new Schedule.Cosine());
    /** Images are 28×28 and there are ten digits: the first and last sizes are fixed. */
    public static final int INPUTS = 784;
    public static final int CLASSES = 10;
    /** A hidden layer wider than this would not fit the heap the app is meant to run in. */
    public static final int MAX_UNITS = 4096;

    /** The fields that can be wrong. */
    public enum Field { LAYERS, DROPOUT, LEARNING_RATE, BATCH_SIZE, EPOCHS }

    /** What is wrong with a field: a message key of the bundle and its arguments. */
    public record Problem(Field field, String key, Object... args) {
    }

    /** Either a config or the first problem found, field by field from the top of the form. */
    public record Parsed(TrainingConfig config, Problem problem) {
        public boolean ok() {
            return config != null;
        }
    }

    /** The form filled in from a config (a preset's, say). */
    public static Settings of(TrainingConfig c) {
        return new Settings(c.layerList(), c.activation(), c.batchNorm(), number(c.dropout()), c.optimizer(),
                number(c.learningRate()), c.schedule(), Integer.toString(c.batchSize()), Integer.toString(c.epochs()));
    }

    public Parsed parse() {
        int[] sizes;
        try {
            sizes = sizes(layers);
        } catch (NumberFormatException e) {
            return problem(Field.LAYERS, "mnist.error.layers.format");
        }
        if (sizes.length < 2) {
            return problem(Field.LAYERS, "mnist.error.layers.format");
        }
        if (sizes[0] != INPUTS || sizes[sizes.length - 1] != CLASSES) {
            return problem(Field.LAYERS, "mnist.error.layers.ends", INPUTS, CLASSES);
        }
        for (int s : sizes) {
            if (s < 1 || s > MAX_UNITS) {
                return problem(Field.LAYERS, "mnist.error.layers.size", MAX_UNITS);
            }
        }
        Double drop = decimal(dropout);
        if (drop == null || drop < 0 || drop >= 1) {
            return problem(Field.DROPOUT, "mnist.error.dropout");
        }
        Double lr = decimal(learningRate);
        if (lr == null || !(lr > 0) || lr > 10) {
            return problem(Field.LEARNING_RATE, "mnist.error.learningRate");
        }
        Integer batch = whole(batchSize);
        if (batch == null || batch < 1 || batch > 60_000) {
            return problem(Field.BATCH_SIZE, "mnist.error.batchSize");
        }
        Integer n = whole(epochs);
        if (n == null || n < 1 || n > 1000) {
            return problem(Field.EPOCHS, "mnist.error.epochs");
        }
        if (!OPTIMIZERS.contains(optimizer) || !SCHEDULES.contains(schedule) || activation == null) {
            throw new IllegalStateException("the form offered a choice it does not know: " + this);
        }
        return new Parsed(new TrainingConfig(sizes, activation, batchNorm, drop, Initializer.Scheme.XAVIER_UNIFORM,
                optimizer, lr, schedule, 0, Clipping.NONE, batch, n, 0), null);
    }

    /** "784, 128-10" → [784, 128, 10]. */
    static int[] sizes(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.trim().split("[\\s,\\-×x]+")) {
            if (!part.isEmpty()) {
                out.add(Integer.parseInt(part));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 0.001 → "0.001", 1e-4 → "0.0001", 5.0 → "5": the way a person would type it. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static Double decimal(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(String text) {
        try {
            return Integer.parseInt(text.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Parsed problem(Field field, String key, Object... args) {
        return new Parsed(null, new Problem(field, key, args));
    }
}
