package org.backproplab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.backproplab.data.ToyData;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Activation;

/** The playground learns the classic shapes, seeded, within 500 epochs. */
class PlaygroundTest {

    private static Playground playground(ToyData.Kind kind, Playground.Config config) {
        ToyData.Points all = ToyData.generate(kind, 500, 0, new Random(1));
        ToyData.Points[] parts = ToyData.split(all, 0.5, new Random(2));
        return new Playground(config, parts[0].xy(), parts[0].labels(), parts[1].xy(), parts[1].labels());
    }

    /** Epochs until the test accuracy reaches the target (checked every 10), or -1 within 500. */
    private static int epochsTo(Playground p, double target) {
        while (p.epochs() < 500) {
            for (int i = 0; i < 10; i++) {
                p.epoch();
            }
            if (p.accuracy(true) >= target) {
                return p.epochs();
            }
        }
        return -1;
    }

    @Test
    void defaultNetworkSeparatesXor() {
        Playground p = playground(ToyData.Kind.XOR, Playground.Config.defaults());
        int epochs = epochsTo(p, 0.95);
        assertTrue(epochs > 0, "XOR test accuracy after 500 epochs: " + p.accuracy(true));
    }

    @Test
    void defaultNetworkSeparatesTheCircle() {
        Playground p = playground(ToyData.Kind.CIRCLE, Playground.Config.defaults());
        int epochs = epochsTo(p, 0.95);
        assertTrue(epochs > 0, "circle test accuracy after 500 epochs: " + p.accuracy(true));
    }

    @Test
    void spiralWithTwoLayersOfEightTanhAndSines() {
        Playground.Config config = Playground.Config.defaults().withHidden(8, 8).withFeatures(List.of(
                Playground.Feature.X1, Playground.Feature.X2, Playground.Feature.SIN_X1, Playground.Feature.SIN_X2));
        Playground p = playground(ToyData.Kind.SPIRAL, config);
        int epochs = epochsTo(p, 0.90);
        assertTrue(epochs > 0, "spiral test accuracy after 500 epochs: " + p.accuracy(true));
    }

    @Test
    void regularisationAndRegressionRun() {
        Playground.Config l1 = Playground.Config.defaults().withRegularization(Playground.Regularization.L1, 0.01);
        Playground p = playground(ToyData.Kind.GAUSSIAN, l1);
        double before = p.loss(false);
        for (int i = 0; i < 20; i++) {
            p.epoch();
        }
        assertTrue(p.loss(false) < before);
        assertNotNull(p.lastUpdate());
        assertEquals(p.network().parameters().size(), p.lastUpdate().length);
        Playground.Config regression = new Playground.Config(List.of(Playground.Feature.X1), new int[] {3},
                Activation.Kind.TANH, 0.01, Playground.Regularization.L2, 0.001, 5, Playground.Problem.REGRESSION, 3);
        double[][] x = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {-4 + 0.2 * i, 0};
            y[i] = 0.5 * x[i][0];
        }
        Playground r = new Playground(regression, x, y, x, y);
        double start = r.loss(true);
        for (int i = 0; i < 100; i++) {
            r.epoch();
        }
        assertTrue(r.loss(true) < start / 10, "regression loss " + start + " -> " + r.loss(true));
        assertTrue(Double.isNaN(r.accuracy(true)));
    }

    @Test
    void boundaryCoversTheGridRowByRowFromTheTop() {
        Playground p = playground(ToyData.Kind.GAUSSIAN, Playground.Config.defaults());
        for (int i = 0; i < 30; i++) {
            p.epoch();
        }
        double[] grid = p.boundary(100, -6, 6);
        assertEquals(10_000, grid.length);
        // class 1 sits at (2, 2): top right; class 0 at (-2, -2): bottom left
        assertTrue(grid[25 * 100 + 75] > 0.5, "top right " + grid[25 * 100 + 75]);
        assertTrue(grid[75 * 100 + 25] < 0.5, "bottom left " + grid[75 * 100 + 25]);
    }
}
