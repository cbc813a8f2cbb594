package org.backproplab.nn;

import java.util.Random;
import org.backproplab.engine.Dropout;
import org.backproplab.engine.Tensor;

/** Dropout with rate p while training; the identity in evaluation. */
public final class DropoutLayer implements Module {

    private final Dropout.Settings settings;

    public DropoutLayer(double rate, Random rng) {
        settings = new Dropout.Settings(rate, rng);
    }

    public double rate() {
        return settings.rate();
    }

    public Dropout.Settings settings() {
        return settings;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Dropout.of(x, settings);
    }

    @Override
    public void setTraining(boolean training) {
        settings.setTraining(training);
    }
}
