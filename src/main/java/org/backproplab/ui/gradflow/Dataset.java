package org.backproplab.ui.gradflow;

import java.util.Locale;

import org.backproplab.data.ToyData;

/** What the lab trains on: MNIST training images, or one of the 2-D toy datasets (two classes). */
public enum Dataset {
    MNIST(null),
    SPIRAL(ToyData.Kind.SPIRAL),
    CIRCLE(ToyData.Kind.CIRCLE),
    XOR(ToyData.Kind.XOR),
    MOONS(ToyData.Kind.MOONS),
    GAUSSIAN(ToyData.Kind.GAUSSIAN);

    private final ToyData.Kind toy;

    Dataset(ToyData.Kind toy) {
        this.toy = toy;
    }

    /** The toy shape; null for MNIST. */
    public ToyData.Kind toy() {
        return toy;
    }

    public boolean isMnist() {
        return toy == null;
    }

    /** The message key of its name. */
    public String key() {
        return "gradflow.data." + name().toLowerCase(Locale.ROOT);
    }
}
