package org.backproplab.nn;

import org.backproplab.engine.Graph;
import org.backproplab.engine.Tensor;

/**
 * The fast gradient sign method (Goodfellow et al. 2015): the gradient that trains a network, taken with respect to
 * its input instead of its weights, turned against it. One step moves every pixel by ε in the direction that raises
 * the loss, x' = clip(x + ε·sign(∂L/∂x), 0, 1): a change no larger than ε anywhere, often enough to change the
 * prediction. The gradient is the engine's own backward pass, through the model's layers to the pixels.
 */
public final class Fgsm {

    /** An attacked image and what it took: ε and the largest change of a pixel after clipping. */
    public record Attack(float[] adversarial, double epsilon, double maxPixelChange) {
        public Attack {
            adversarial = adversarial.clone();
        }

        @Override
        public float[] adversarial() {
            return adversarial.clone();
        }
    }

    private Fgsm() {
    }

    /**
     * ∂loss/∂pixel of one image for its label: the cross-entropy the model would pay, differentiated by the engine all
     * the way back to the input (evaluation mode: no dropout, BatchNorm's running statistics). Positive: brightening
     * that pixel raises the loss.
     */
    public static float[] inputGradient(Model model, float[] pixels, int label) {
        if (label < 0 || label >= model.classes()) {
            throw new IllegalArgumentException("label " + label + " is not one of the model's " + model.classes()
                    + " classes");
        }
        model.network().setTraining(false);
        Tensor x = Tensor.wrap(1, pixels.length, pixels.clone()).named("x");
        float[] oneHot = new float[model.classes()];
        oneHot[label] = 1;
        Tensor y = Tensor.wrap(1, oneHot.length, oneHot).noGrad().named("y");
        Tensor loss = Loss.crossEntropy(model.network().forward(x), y);
        Graph.of(loss).backward();
        float[] grad = new float[pixels.length];
        for (int p = 0; p < grad.length; p++) {
            grad[p] = (float) x.gradAt(0, p);
        }
        return grad;
    }

    /** One step: each pixel (in [0, 1]) moved by ε against the loss's slope (0 where the slope is 0), kept in [0, 1]. */
    public static Attack perturb(float[] pixels, float[] gradient, double epsilon) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("ε must be a number 0 or more, not " + epsilon);
        }
        if (gradient.length != pixels.length) {
            throw new IllegalArgumentException(gradient.length + " gradients for " + pixels.length + " pixels");
        }
        float[] out = new float[pixels.length];
        double largest = 0;
        for (int p = 0; p < out.length; p++) {
            if (!(pixels[p] >= 0 && pixels[p] <= 1)) { // an image's pixels, as MNIST's and a PNG's are read
                throw new IllegalArgumentException("pixel " + p + " is " + pixels[p] + ", not in [0, 1]");
            }
            double sign = gradient[p] > 0 ? 1 : gradient[p] < 0 ? -1 : 0; // NaN counts as 0: no direction
            float moved = (float) Math.min(1, Math.max(0, pixels[p] + epsilon * sign));
            // ε is rarely a float (0.1 is not): rounding may carry a pixel a hair past it, so step back towards the
            // original until the change is at most ε, as promised (the difference of two floats is exact in double)
            while (Math.abs((double) moved - pixels[p]) > epsilon) {
                moved = Math.nextAfter(moved, (double) pixels[p]);
            }
            out[p] = moved;
            largest = Math.max(largest, Math.abs((double) moved - pixels[p]));
        }
        return new Attack(out, epsilon, largest);
    }

    /** {@link #inputGradient} then {@link #perturb}: the attack on one image of a known label. */
    public static Attack attack(Model model, float[] pixels, int label, double epsilon) {
        return perturb(pixels, inputGradient(model, pixels, label), epsilon);
    }
}
