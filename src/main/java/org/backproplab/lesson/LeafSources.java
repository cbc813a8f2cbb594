package org.backproplab.lesson;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.backproplab.engine.DType;
import org.backproplab.engine.Tensor;

/**
 * The calls whose result is a leaf taken from outside the text, so that {@code param} and {@code const} may stand
 * before them as before a literal:
 * <ul>
 *   <li>{@code data(rows, cols)}: the statement's name's numbers from the {@link LessonData} beside the lesson;</li>
 *   <li>{@code mnist_images(first, count)}: training images first … first + count − 1 of MNIST, one row of 784
 *       pixels in [0, 1] each, scaled as the MNIST tab scales them;</li>
 *   <li>{@code mnist_labels(first, count)}: their labels as one-hot rows of 10.</li>
 * </ul>
 * The MNIST files are read from {@code datasets/mnist} once, when a lesson first asks (or taken from the MNIST tab,
 * which has read them already: {@link #offer}).
 */
public final class LeafSources {

    /** The names of the calls, in the order of the language description. */
    static final List<String> NAMES = List.of("data", "mnist_images", "mnist_labels");
    /** The most images one call may name: 64 rows of 784 pixels stay under a lesson's tensor limit. */
    public static final int MAX_IMAGES = 64;

    private static SoftReference<Mnist.Split> training = new SoftReference<>(null);

    private LeafSources() {
    }

    /** True for a call of one of {@link #NAMES}. */
    static boolean isLeafCall(Expr e) {
        return e instanceof Expr.Call c && NAMES.contains(c.function());
    }

    /** Hands in the MNIST training images already read (the MNIST tab's), so no lesson reads them again. */
    public static synchronized void offer(Mnist.Split train) {
        training = new SoftReference<>(train);
    }

    private static synchronized Mnist.Split training() throws DataFileException {
        Mnist.Split split = training.get();
        if (split == null) {
            Path dir = Mnist.defaultDirectory();
            split = Mnist.loadSplit(dir, "training", Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS);
            training = new SoftReference<>(split);
        }
        return split;
    }

    /** Thrown for a call that cannot be made: the message is the diagnostic's. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The leaf of call {@code function(arguments)} on the statement binding {@code name}.
     *
     * @throws Refused with the reason, for the compiler to report at the call
     */
    static Tensor build(String function, List<Double> arguments, String name, LessonData data) throws Refused {
        if (arguments.size() != 2) {
            throw new Refused(function + " takes 2 arguments, " + signature(function) + "; got " + arguments.size());
        }
        int a = whole(function, arguments.get(0), 1);
        int b = whole(function, arguments.get(1), 2);
        return switch (function) {
            case "data" -> data(name, a, b, data);
            case "mnist_images" -> images(a, b, data.precision(), false);
            default -> images(a, b, data.precision(), true);
        };
    }

    private static String signature(String function) {
        return function.equals("data") ? "data(rows, cols)" : function + "(first, count)";
    }

    private static int whole(String function, double v, int position) throws Refused {
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new Refused("argument " + position + " of " + signature(function) + " must be a whole number ≥ 0, not "
                    + org.backproplab.engine.Numbers.format(v));
        }
        return (int) v;
    }

    private static Tensor data(String name, int rows, int cols, LessonData data) throws Refused {
        LessonData.Block block = data.blocks().get(name);
        if (block == null) {
            throw new Refused("no numbers for '" + name + "' beside the lesson: data(" + rows + ", " + cols + ") takes"
                    + " them from the data a session saves with its lesson (the MNIST tab's Step through one batch"
                    + " makes such a lesson); open that session, or write the numbers as a literal");
        }
        if (block.rows() != rows || block.cols() != cols) {
            throw new Refused("the numbers beside the lesson for '" + name + "' are " + block.rows() + "x" + block.cols()
                    + ", not " + rows + "x" + cols);
        }
        return block.tensor(data.precision());
    }

    private static Tensor images(int first, int count, DType dtype, boolean labels) throws Refused {
        String call = (labels ? "mnist_labels(" : "mnist_images(") + first + ", " + count + ")";
        if (count < 1 || count > MAX_IMAGES) {
            throw new Refused(call + ": count must be 1 to " + MAX_IMAGES + " images");
        }
        Mnist.Split train;
        try {
            train = training();
        } catch (DataFileException e) {
            throw new Refused(call + ": cannot read the MNIST training images: " + e.getMessage());
        }
        if ((long) first + count > train.count()) {
            throw new Refused(String.format(Locale.ROOT, "%s: the training set has %,d images, 0 to %,d", call,
                    train.count(), train.count() - 1));
        }
        int width = labels ? 10 : train.pixelsPerImage();
        float[] x = new float[count * train.pixelsPerImage()];
        float[] y = new float[count * 10];
        train.gather(null, first, count, x, y);
        return leaf(dtype, Tensor.wrap(count, width, labels ? y : x));
    }

    /** A new leaf of {@code dtype} holding {@code source}'s values (the engine's buffer copy rounds, if it must). */
    static Tensor leaf(DType dtype, Tensor source) {
        Tensor t = Tensor.zeros(dtype, source.rows(), source.cols());
        t.value().copyFrom(source.value());
        return t;
    }
}
