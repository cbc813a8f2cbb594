package org.backproplab.ui.playground;

import java.util.ArrayList;
import java.util.List;

import io.soabase.recordbuilder.core.RecordBuilder;
import org.backproplab.data.ToyData;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;

/**
 * Everything the playground's controls set, as one immutable value: the data (shape, noise, train share, seed),
 * the network (input features, hidden layers, activation, problem) and its training (learning rate,
 * regularisation and its rate, batch size). Each control makes a new value with one {@code with…} method (generated,
 * or written below where a change has rules of its own), and
 * {@link #change} says what a change means for the run: new points, a new network, or the same network trained on
 * with other settings. The limits of the browser playground hold: 0 to 6 hidden layers of 1 to 8 neurons, at least
 * one feature.
 */
@RecordBuilder
public record PlaygroundSettings(ToyData.Kind shape, double noise, double trainShare, long seed,
                                 List<Playground.Feature> features, List<Integer> hidden, Activation.Kind activation,
                                 Playground.Problem problem, double learningRate,
                                 Playground.Regularization regularization, double regularizationRate, int batchSize)
        implements PlaygroundSettingsBuilder.With {

    public static final int MAX_LAYERS = 6;
    public static final int MAX_NEURONS = 8;
    /** A new hidden layer starts with this many neurons, as in the browser playground. */
    public static final int NEW_LAYER_NEURONS = 2;
    public static final double MAX_NOISE = 0.5;
    /** The learning rates to choose from, as in the browser playground. */
    public static final List<Double> LEARNING_RATES = List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0,
            3.0, 10.0);
    public static final List<Double> REGULARIZATION_RATES = List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0,
            10.0);
    public static final List<Playground.Regularization> REGULARIZATIONS = List.of(Playground.Regularization.values());

    /** What a change of settings means for the run. */
    public enum Change {
        /** Nothing that training sees. */
        NONE,
        /** Same network, trained on from its weights with new settings. */
        TUNING,
        /** A new network (its shape or what it learns changed). */
        NETWORK,
        /** New points, and so a new network. */
        DATA
    }

    public PlaygroundSettings {
        features = sorted(features);
        hidden = List.copyOf(hidden);
        // Playground.Config checks the rest; checked here too so that a bad value never reaches a run.
        config(features, hidden, activation, learningRate, regularization, regularizationRate, batchSize, problem, seed);
        if (!(noise >= 0 && noise <= MAX_NOISE) || !(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("noise is 0 to 0.5 and the train share between 0 and 1");
        }
    }

    /** The browser playground's start: a circle without noise, half the points to train, x1 and x2 → 4 → 2 tanh. */
    public static PlaygroundSettings defaults() {
        Playground.Config c = Playground.Config.defaults();
        List<Integer> hidden = new ArrayList<>();
        for (int h : c.hidden()) {
            hidden.add(h);
        }
        return new PlaygroundSettings(ToyData.Kind.CIRCLE, 0, 0.5, c.seed(), c.features(), hidden, c.activation(),
                c.problem(), c.learningRate(), c.regularization(), c.regularizationRate(), c.batchSize());
    }

    /** The network's settings for {@link Playground}. */
    public Playground.Config config() {
        return config(features, hidden, activation, learningRate, regularization, regularizationRate, batchSize, problem,
                seed);
    }

    private static Playground.Config config(List<Playground.Feature> features, List<Integer> hidden,
                                            Activation.Kind activation, double learningRate,
                                            Playground.Regularization regularization,
                                            double regularizationRate, int batchSize, Playground.Problem problem,
                                            long seed) {
        return new Playground.Config(features, hidden.stream().mapToInt(Integer::intValue).toArray(), activation,
                learningRate, regularization, regularizationRate, batchSize, problem, seed);
    }

    /** The layer sizes from the features to the one output. */
    public int[] sizes() {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = features.size();
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        sizes[sizes.length - 1] = 1;
        return sizes;
    }

    /** What changes from {@code before} to this. */
    public Change change(PlaygroundSettings before) {
        if (shape != before.shape || noise != before.noise || trainShare != before.trainShare || seed != before.seed) {
            return Change.DATA;
        }
        if (!features.equals(before.features) || !hidden.equals(before.hidden) || activation != before.activation
                || problem != before.problem) {
            return Change.NETWORK;
        }
        if (learningRate != before.learningRate || regularization != before.regularization
                || regularizationRate != before.regularizationRate || batchSize != before.batchSize) {
            return Change.TUNING;
        }
        return Change.NONE;
    }

    // ---- data ----

    // ---- network ----

    /** Turns a feature on or off; the last one stays on (the network needs an input). */
    public PlaygroundSettings withFeature(Playground.Feature f, boolean on) {
        List<Playground.Feature> next = new ArrayList<>(features);
        next.remove(f);
        if (on) {
            next.add(f);
        }
        if (next.isEmpty()) {
            return this;
        }
        return withFeatures(next);
    }

    /** One more hidden layer, of {@value #NEW_LAYER_NEURONS} neurons, before the output (at most 6). */
    public PlaygroundSettings withLayerAdded() {
        if (hidden.size() >= MAX_LAYERS) {
            return this;
        }
        List<Integer> next = new ArrayList<>(hidden);
        next.add(NEW_LAYER_NEURONS);
        return withHidden(next);
    }

    /** The hidden layer nearest the output removed (none left is a network with no hidden layer). */
    public PlaygroundSettings withLayerRemoved() {
        return hidden.isEmpty() ? this : withHidden(hidden.subList(0, hidden.size() - 1));
    }

    /** One more (+1) or one fewer (−1) neuron in hidden layer {@code layer} (from 0), within 1 to 8. */
    public PlaygroundSettings withNeurons(int layer, int delta) {
        int n = Math.max(1, Math.min(MAX_NEURONS, hidden.get(layer) + delta));
        List<Integer> next = new ArrayList<>(hidden);
        next.set(layer, n);
        return withHidden(next);
    }

    // ---- training ----

    /** The features in their fixed order (x1, x2, x1², …), whatever order they were turned on in. */
    private static List<Playground.Feature> sorted(List<Playground.Feature> features) {
        return features.stream().distinct().sorted().toList();
    }
}
