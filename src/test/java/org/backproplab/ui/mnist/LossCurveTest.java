package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LossCurveTest {

    @Test
    void theFirstSmoothedValueIsTheFirstLossNotAFractionOfIt() {
        LossCurve curve = new LossCurve(100, 1, 100);
        assertTrue(Double.isNaN(curve.smoothed()));
        curve.add(1, 1, 2.3);
        assertEquals(2.3, curve.smoothed(), 1e-12, "debiased: no pull towards zero");
    }

    @Test
    void aConstantLossStaysConstantAndANoisyOneIsCalmed() {
        LossCurve flat = new LossCurve(50, 1, 50);
        for (int b = 1; b <= 50; b++) {
            flat.add(1, b, 0.7);
        }
        assertEquals(0.7, flat.smoothed(), 1e-12);
        LossCurve noisy = new LossCurve(400, 1, 400);
        double maxJump = 0;
        double last = Double.NaN;
        for (int b = 1; b <= 400; b++) {
            noisy.add(1, b, b % 2 == 0 ? 1.0 : 0.0);
            if (b > 100) {
                maxJump = Math.max(maxJump, Math.abs(noisy.smoothed() - last));
            }
            last = noisy.smoothed();
        }
        assertEquals(0.5, noisy.smoothed(), 0.02);
        assertTrue(maxJump < 0.05, "the smoothed loss jumps by " + maxJump);
    }

    @Test
    void aLongRunIsBucketedToAtMostMaxPointsAtFractionalEpochs() {
        LossCurve curve = new LossCurve(1875, 5, 600); // the Keras preset: 9,375 batches
        assertEquals(16, curve.bucketSize());
        List<LossCurve.Point> all = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            for (int b = 1; b <= 1875; b++) {
                curve.add(e, b, 1.0 / (e * b));
            }
            all.addAll(curve.drain());
        }
        assertTrue(all.size() <= 600 + 5, "points: " + all.size());
        assertTrue(all.size() > 500, "points: " + all.size());
        assertEquals(1.0, all.get(all.size() - 1).epoch() - 4, 1e-12, "the last point closes epoch 5");
        assertEquals(16.0 / 1875, all.get(0).epoch(), 1e-12);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).epoch() > all.get(i - 1).epoch());
        }
        assertTrue(curve.drain().isEmpty(), "drained");
    }

    @Test
    void aPointIsTheMeanOfItsBucket() {
        LossCurve curve = new LossCurve(4, 1, 2);
        curve.add(1, 1, 1);
        curve.add(1, 2, 3);
        curve.add(1, 3, 5);
        curve.add(1, 4, 7);
        List<LossCurve.Point> points = curve.drain();
        assertEquals(2, points.size());
        assertEquals(2, points.get(0).loss(), 1e-12);
        assertEquals(0.5, points.get(0).epoch(), 1e-12);
        assertEquals(6, points.get(1).loss(), 1e-12);
    }
}
