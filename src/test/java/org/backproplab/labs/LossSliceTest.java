package org.backproplab.labs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.backproplab.data.ToyData;
import org.backproplab.engine.Tensor;
import org.backproplab.labs.Landscape.XY;
import org.backproplab.nn.Linear;
import org.junit.jupiter.api.Test;

/** The slice of a real network's loss: its origin is the network's own loss, the directions, the projection. */
class LossSliceTest {

    private static Playground trained() {
        Playground net = LossSlice.playground(ToyData.Kind.CIRCLE, 10, 3);
        for (int e = 0; e < 20; e++) {
            net.epoch();
        }
        return net;
    }

    @Test
    void atTheOriginOfARandomSliceTheLossIsTheNetworksOwnBitForBitAndTheWeightsComeBack() {
        Playground net = trained();
        double own = net.loss(false);
        double[] weights = LossSlice.flatten(net.network().parameters());
        LossSlice.Slice slice = LossSlice.random(net, 7, 1, 21, LandscapeGrid.Progress.NONE);
        assertEquals(own, slice.originLoss());
        assertEquals(own, slice.loss().at(10, 10), "the grid's middle point is the origin");
        assertArrayEquals(weights, LossSlice.flatten(net.network().parameters()), "θ* is back, bit for bit");
        assertEquals(own, net.loss(false));
        assertTrue(slice.loss().max() > own, "the loss rises away from the trained weights");
    }

    @Test
    void eachFilterOfADirectionHasTheNormOfTheWeightsFilterAndBiasesHaveNone() {
        Playground net = trained();
        double[] theta = LossSlice.flatten(net.network().parameters());
        double[] d = LossSlice.filterNormalised(net, theta, new Random(1));
        int offset = 0;
        for (Tensor p : net.network().parameters()) {
            boolean weight = net.layers().stream().map(Linear::weight).anyMatch(w -> w == p);
            for (int c = 0; c < p.cols(); c++) {
                double dn = 0;
                double tn = 0;
                for (int r = 0; r < p.rows(); r++) {
                    int k = offset + r * p.cols() + c;
                    dn += d[k] * d[k];
                    tn += theta[k] * theta[k];
                    assertEquals(theta[k], p.get(r, c), "row-major, as flattened");
                }
                assertEquals(weight ? Math.sqrt(tn) : 0, Math.sqrt(dn), 1e-12);
            }
            offset += p.size();
        }
        assertArrayEquals(d, LossSlice.filterNormalised(net, theta, new Random(1)), "a seed gives the same direction");
        assertFalse(java.util.Arrays.equals(d, LossSlice.filterNormalised(net, theta, new Random(2))));
    }

    @Test
    void aPathInAPlaneIsProjectedOntoItsOwnCoordinates() {
        // Checkpoints a·u + b·v of a plane in 6 dimensions: the principal directions span it, and the coordinates
        // reproduce every checkpoint to 1e-12.
        double[] u = {1, 2, 0, -1, 0.5, 3};
        double[] v = {0, 1, -2, 1, 1, -0.5};
        List<double[]> points = new ArrayList<>();
        double[][] coefficients = {{3, 1}, {2, -1}, {1.5, 0.5}, {0.5, 0.2}, {0, 0}};
        for (double[] c : coefficients) {
            double[] p = new double[6];
            for (int k = 0; k < 6; k++) {
                p[k] = c[0] * u[k] + c[1] * v[k];
            }
            points.add(p);
        }
        double[] origin = points.get(points.size() - 1);
        LossSlice.Principal pca = LossSlice.principal(points.toArray(new double[0][]));
        assertEquals(1, pca.explained1() + pca.explained2(), 1e-12, "two directions explain a plane");
        List<XY> xy = LossSlice.project(points, origin, pca);
        for (int t = 0; t < points.size(); t++) {
            for (int k = 0; k < 6; k++) {
                double back = origin[k] + xy.get(t).x() * pca.d1()[k] + xy.get(t).y() * pca.d2()[k];
                assertEquals(points.get(t)[k], back, 1e-12);
            }
        }
        assertEquals(new XY(0, 0), xy.get(xy.size() - 1));
    }

    @Test
    void theTrajectorySliceEndsAtItsOriginAndShowsBothPaths() {
        LossSlice.Slice slice = LossSlice.trajectory(ToyData.Kind.CIRCLE, 10, 3, 20, 15, LandscapeGrid.Progress.NONE);
        Playground net = LossSlice.playground(ToyData.Kind.CIRCLE, 10, 3);
        for (int e = 0; e < 20; e++) {
            net.epoch();
        }
        assertEquals(net.loss(false), slice.originLoss(), "SGD's end is the origin: the same loss, bit for bit");
        assertEquals(2, slice.paths().size());
        XY end = slice.paths().get(0).get(20);
        assertEquals(0, end.x(), 1e-15);
        assertEquals(0, end.y(), 1e-15);
        assertEquals(slice.pathLosses().get(0)[20], slice.originLoss());
        assertTrue(slice.explained()[0] >= slice.explained()[1] && slice.explained()[0] + slice.explained()[1] <= 1 + 1e-12);
        assertTrue(slice.pathLosses().get(0)[20] < slice.pathLosses().get(1)[20],
                "in as many epochs, mini-batch SGD (many steps) gets lower than full-batch GD (one step an epoch)");
    }

    @Test
    void aSliceCanBeCancelledAndTheWeightsStillComeBack() {
        Playground net = trained();
        double[] weights = LossSlice.flatten(net.network().parameters());
        assertThrows(CancellationException.class, () -> LossSlice.random(net, 1, 1, 30, (done, total) -> done < 3));
        assertArrayEquals(weights, LossSlice.flatten(net.network().parameters()));
    }
}
