package org.backproplab.ui.playground;

import java.util.ArrayList;
import java.util.List;

/**
 * One number of the network that training changes: the weight of a link or the bias of a neuron. {@code layer}
 * counts the dense layers from the input side, from 0; the lesson text calls that layer's matrices
 * {@code W(layer+1)} and {@code b(layer+1)}. A weight W[from][to] connects input {@code from} of the layer (a feature
 * or a neuron of the layer before) to its neuron {@code to}; a bias has {@code from} = −1.
 */
public record ParamRef(int layer, int from, int to) {

    public ParamRef {
        if (layer < 0 || to < 0 || from < -1) {
            throw new IllegalArgumentException("no such parameter: layer " + layer + ", " + from + " → " + to);
        }
    }

    public static ParamRef weight(int layer, int from, int to) {
        return new ParamRef(layer, from, to);
    }

    public static ParamRef bias(int layer, int neuron) {
        return new ParamRef(layer, -1, neuron);
    }

    public boolean isBias() {
        return from < 0;
    }

    /** The matrix it is an element of, as the lesson text names it: W1, b1, W2, … */
    public String matrix() {
        return (isBias() ? "b" : "W") + (layer + 1);
    }

    /** Its name with indices from 1, as the tab shows it: {@code W2[1,3]} or {@code b2[3]}. */
    public String label() {
        return matrix() + (isBias() ? "[" + (to + 1) + "]" : "[" + (from + 1) + "," + (to + 1) + "]");
    }

    /** Whether a network of these layer sizes (inputs first, output last) has it. */
    public boolean fits(int[] sizes) {
        return layer + 1 < sizes.length && to < sizes[layer + 1] && from < sizes[layer];
    }

    /**
     * Every parameter of a network of these layer sizes, in the order the keyboard walks them: layer by layer from
     * the input side, neuron by neuron, each neuron's incoming weights and then its bias.
     */
    public static List<ParamRef> all(int[] sizes) {
        List<ParamRef> all = new ArrayList<>();
        for (int layer = 0; layer + 1 < sizes.length; layer++) {
            for (int to = 0; to < sizes[layer + 1]; to++) {
                for (int from = 0; from < sizes[layer]; from++) {
                    all.add(weight(layer, from, to));
                }
                all.add(bias(layer, to));
            }
        }
        return all;
    }
}
