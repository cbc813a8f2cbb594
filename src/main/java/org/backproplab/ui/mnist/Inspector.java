package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.engine.F32Buffer;
import org.backproplab.engine.Tensor;
import org.backproplab.nn.BatchGraph;
import org.backproplab.nn.Linear;
import org.backproplab.nn.Fgsm;
import org.backproplab.nn.Model;

/**
 * Looks inside a copy of the model (never the one being trained): predictions for test digits and drawings, the
 * first layer's weights as images, and ∂loss/∂input, how the loss would change with each pixel. Used on one
 * thread (the UI's); {@link #update} brings in newer weights.
 */
public final class Inspector {

    /** A predicted digit and the probability the model gives it. */
    public record Prediction(int digit, double probability) {
    }

    private Model model;

    public Inspector(WeightsSnapshot weights) {
        this.model = weights.toModel();
    }

    /** Takes newer weights, keeping the network when the config is the same. */
    public void update(WeightsSnapshot weights) {
        if (weights.config().equals(model.config())) {
            weights.copyInto(model);
        } else {
            model = weights.toModel();
        }
    }

    public Model model() {
        return model;
    }

    /** The ten class probabilities of one 28×28 image (pixels in [0, 1]). */
    public double[] probabilities(float[] pixels) {
        model.network().setTraining(false);
        return model.probabilities(pixels);
    }

    /** The prediction for each of {@code n} images given one after another in {@code pixels}. */
    public List<Prediction> predict(float[] pixels, int n) {
        model.network().setTraining(false);
        BatchGraph g = model.graph(n);
        System.arraycopy(pixels, 0, g.inputs(), 0, n * model.inputs());
        g.forward();
        float[] logits = ((F32Buffer) g.logits().value()).array();
        int classes = model.classes();
        List<Prediction> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int best = g.predicted(r);
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[r * classes + c] - logits[r * classes + best]);
            }
            out.add(new Prediction(best, 1 / sum));
        }
        return out;
    }

    /**
     * ∂loss/∂pixel of one image for its true label: the cross-entropy the model would pay, differentiated by
     * the engine all the way back to the input. Positive: brightening that pixel raises the loss.
     */
    public float[] inputGradient(float[] pixels, int label) {
        return Fgsm.inputGradient(model, pixels, label);
    }

    /** The FGSM attack on one image for its true label (see {@link Fgsm}). */
    public Fgsm.Attack attack(float[] pixels, int label, double epsilon) {
        return Fgsm.attack(model, pixels, label, epsilon);
    }

    /** How many units the first layer has. */
    public int firstLayerUnits() {
        return firstLayer().outputs();
    }

    /** The incoming weights of the first {@code max} units of the first layer, one array of 784 per unit. */
    public List<float[]> firstLayerWeights(int max) {
        Linear first = firstLayer();
        Tensor w = first.weight();
        int units = Math.min(max, first.outputs());
        List<float[]> out = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            float[] column = new float[first.inputs()];
            for (int p = 0; p < column.length; p++) {
                column[p] = (float) w.get(p, u);
            }
            out.add(column);
        }
        return out;
    }

    private Linear firstLayer() {
        return (Linear) model.network().modules().get(0);
    }
}
