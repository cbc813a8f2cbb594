package org.backproplab.cli;

import java.util.Arrays;

/**
 * {@code --layers} for MNIST, checked before any data is read: whole numbers from 784 (the pixels) to 10 (the
 * digits), each at least 1, and a network that fits the heap. The parameter count is summed in {@code long}: an
 * {@code int} wraps round for a layer of a few million units and the engine then failed with a negative size.
 */
final class LayerSizes {

    /** MNIST's input size (28 × 28 pixels) and classes. */
    static final int INPUTS = 784;
    static final int CLASSES = 10;

    /**
     * Bytes a parameter costs while training in float32: its value, its gradient and two optimizer slots (Adam's
     * moments, the most any optimizer keeps).
     */
    static final long BYTES_PER_PARAMETER = 4L * 4;
    /** Bytes an activation costs per example: the pre-activation, the activation and their two gradients. */
    static final long BYTES_PER_UNIT = 4L * 4;

    private LayerSizes() {
    }

    /** The sizes in {@code text}, checked against MNIST and against {@code heapBytes} for batches of {@code batch}. */
    static int[] forMnist(String text, int batch, long heapBytes) {
        long[] sizes = parse(text);
        if (sizes.length < 2) {
            throw new IllegalArgumentException("--layers needs at least an input and an output size, like 784,128,10;"
                    + " got '" + text + "'");
        }
        for (long s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("--layers sizes must be 1 or more, not " + s + " (in " + text + ")");
            }
        }
        if (sizes[0] != INPUTS || sizes[sizes.length - 1] != CLASSES) {
            throw new IllegalArgumentException("--layers must start with " + INPUTS + " (the pixels) and end with "
                    + CLASSES + " (the digits) for MNIST; got " + text);
        }
        long parameters = parameters(sizes);
        long bytes = bytes(sizes, batch);
        // Half the heap: the data set, the test pass and the copies the kernels make need the rest.
        long limit = heapBytes / 2;
        if (bytes > limit) {
            throw new IllegalArgumentException(String.format("--layers %s has %,d parameters and needs about %s to "
                    + "train in batches of %d, more than the %s this run allows (half of Java's %s heap; -Xmx raises it)",
                    text, parameters, size(bytes), batch, size(limit), size(heapBytes)));
        }
        return Arrays.stream(sizes).mapToInt(s -> (int) s).toArray();
    }

    /** Weights and biases of the Linear layers between consecutive sizes. */
    static long parameters(int[] sizes) {
        return parameters(Arrays.stream(sizes).asLongStream().toArray());
    }

    /** Weights and biases of the Linear layers between consecutive sizes. */
    static long parameters(long[] sizes) {
        long n = 0;
        for (int i = 1; i < sizes.length; i++) {
            n = saturatingAdd(n, saturatingAdd(saturatingMultiply(sizes[i - 1], sizes[i]), sizes[i]));
        }
        return n;
    }

    /** The parameters' training bytes plus one batch's activations. */
    static long bytes(long[] sizes, int batch) {
        long units = Arrays.stream(sizes).reduce(0, LayerSizes::saturatingAdd);
        return saturatingAdd(saturatingMultiply(parameters(sizes), BYTES_PER_PARAMETER),
                saturatingMultiply(saturatingMultiply(units, batch), BYTES_PER_UNIT));
    }

    private static long[] parse(String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer sizes are whole numbers separated by commas, like 784,128,10; got '"
                    + text + "'");
        }
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /** 1.2 GB, 350 MB: enough digits to compare. */
    static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format("%.1f %s", v, units[u]);
    }
}
