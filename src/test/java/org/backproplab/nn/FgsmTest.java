package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FGSM on real test digits: the attacked image stays in [0, 1] and within ε of the original, it moves along the
 * engine's ∂loss/∂input, and (tagged, full MNIST) ε = 0.1 flips most of the first 100 test images of a trained
 * 784-128-10 network.
 */
class FgsmTest {

    private static Mnist mnist;

    @BeforeAll
    static void load() throws DataFileException {
        mnist = Mnist.load(Mnist.defaultDirectory());
    }

    private static float[] testImage(int i) {
        float[] pixels = new float[Mnist.SIDE * Mnist.SIDE];
        mnist.test().gather(new int[] {i}, 0, 1, pixels, new float[10]);
        return pixels;
    }

    private static Model untrained() {
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 32, 10});
        return new Model(config, config.buildNetwork());
    }

    @Test
    void theAttackedImageStaysInTheUnitRangeAndWithinEpsilonOfTheOriginal() {
        Model model = untrained();
        for (int i = 0; i < 20; i++) {
            float[] x = testImage(i);
            for (double eps : new double[] {0, 0.05, 0.1, 0.3, 1}) {
                Fgsm.Attack a = Fgsm.attack(model, x, mnist.test().label(i), eps);
                float[] adv = a.adversarial();
                double largest = 0;
                for (int p = 0; p < x.length; p++) {
                    assertTrue(adv[p] >= 0 && adv[p] <= 1, "pixel " + p + " = " + adv[p]);
                    largest = Math.max(largest, Math.abs((double) adv[p] - x[p]));
                }
                assertTrue(largest <= eps, "moved " + largest + " > ε " + eps + ": not even by a float's rounding");
                assertEquals(largest, a.maxPixelChange(), 0.0);
            }
        }
    }

    @Test
    void eachPixelMovesAlongTheSignOfTheEnginesInputGradientAndTheLossGoesUp() {
        Model model = untrained();
        float[] x = testImage(7);
        int label = mnist.test().label(7);
        float[] g = Fgsm.inputGradient(model, x, label);
        Fgsm.Attack a = Fgsm.perturb(x, g, 0.02);
        float[] adv = a.adversarial();
        for (int p = 0; p < x.length; p++) {
            double moved = adv[p] - x[p];
            assertTrue(moved == 0 || Math.signum(moved) == Math.signum(g[p]), "pixel " + p);
            if (g[p] != 0 && x[p] > 0.05 && x[p] < 0.95) {
                assertEquals(0.02 * Math.signum(g[p]), moved, 1e-6, "pixel " + p + " not clipped moves by ε");
            }
        }
        assertTrue(loss(model, adv, label) > loss(model, x, label), "one step up the slope raises the loss");
        assertThrows(IllegalArgumentException.class, () -> Fgsm.perturb(x, g, -0.1));
        float[] dark = x.clone();
        dark[3] = -0.5f; // not an image's pixel: refused, where stepping back to within ε of it would never end
        assertEquals("pixel 3 is -0.5, not in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> Fgsm.perturb(dark, g, 0.1)).getMessage());
        dark[3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> Fgsm.perturb(dark, g, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Fgsm.inputGradient(model, x, 10));
    }

    private static double loss(Model model, float[] pixels, int label) {
        return -Math.log(model.probabilities(pixels)[label]);
    }

    @Test
    @Tag("mnist")
    void epsilonPointOneFlipsMostOfTheFirstHundredTestImagesOfATrained784x128x10() throws InterruptedException {
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 128, 10}); // the MNIST tab's 784-128-10 preset
        Model model = new Trainer(config).train(TrainerTest.examples(mnist.train(), 60_000),
                TrainerTest.examples(mnist.test(), 10_000), null, null).model();
        int right = 0;
        int flipped = 0;
        for (int i = 0; i < 100; i++) {
            float[] x = testImage(i);
            int label = mnist.test().label(i);
            if (Model.predicted(model.probabilities(x)) != label) {
                continue;
            }
            right++;
            if (Model.predicted(model.probabilities(Fgsm.attack(model, x, label, 0.1).adversarial())) != label) {
                flipped++;
            }
        }
        assertTrue(right >= 90, "the trained network gets " + right + " of 100 right");
        assertTrue(flipped > right / 2, "ε = 0.1 flips " + flipped + " of the " + right + " it got right");
    }
}
