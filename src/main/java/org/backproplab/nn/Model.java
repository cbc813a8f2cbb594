package org.backproplab.nn;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.engine.F32Buffer;
import org.backproplab.engine.Softmax;
import org.backproplab.engine.Tensor;

/**
 * A trained network and the config that describes it: it predicts, is evaluated, saved and loaded without
 * the trainer.
 */
public final class Model {

    private final TrainingConfig config;
    private final Sequential network;
    private final Map<Integer, BatchGraph> graphs = new HashMap<>();

    public Model(TrainingConfig config, Sequential network) {
        this.config = config;
        this.network = network;
    }

    public TrainingConfig config() {
        return config;
    }

    public Sequential network() {
        return network;
    }

    public int inputs() {
        return config.layers()[0];
    }

    public int classes() {
        return config.layers()[config.layers().length - 1];
    }

    /** The reusable evaluation-mode graph for batches of {@code rows}. */
    public BatchGraph graph(int rows) {
        return graphs.computeIfAbsent(rows, r -> new BatchGraph(network, r, inputs(), classes()));
    }

    /** The class with the largest probability (the first of equals): what the model predicts. */
    public static int predicted(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            best = probabilities[c] > probabilities[best] ? c : best;
        }
        return best;
    }

    /** Class probabilities of one image given as {@code inputs()} pixels scaled to [0, 1]. */
    public double[] probabilities(float[] pixels) {
        if (pixels.length != inputs()) {
            throw new IllegalArgumentException("the model takes " + inputs() + " pixels, got " + pixels.length);
        }
        network.setTraining(false);
        BatchGraph g = graph(1);
        System.arraycopy(pixels, 0, g.inputs(), 0, pixels.length);
        g.forward();
        Tensor p = Softmax.of(Tensor.wrap(1, classes(), ((F32Buffer) g.logits().value()).array().clone()));
        double[] out = new double[classes()];
        for (int c = 0; c < out.length; c++) {
            out[c] = p.get(0, c);
        }
        return out;
    }

    /** The number of trainable values. */
    public long parameterCount() {
        return network.parameters().stream().mapToLong(Tensor::size).sum();
    }
}
