package org.backproplab.nn;

/**
 * A labelled set of examples as training sees it: how many, how wide, how many classes, and a way to copy
 * chosen examples into batch buffers. The data package supplies the copying (for MNIST,
 * {@code split::gather}); nn needs nothing else of it.
 */
public record Examples(String name, int count, int features, int classes, Gatherer gatherer) {

    /** Copies examples order[from..from+n) (or from..from+n when order is null) into x rows and one-hot y rows. */
    @FunctionalInterface
    public interface Gatherer {
        void gather(int[] order, int from, int n, float[] x, float[] y);
    }
}
