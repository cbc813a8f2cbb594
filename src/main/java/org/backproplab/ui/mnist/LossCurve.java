package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.files.CsvTable;

/**
 * The training loss as a chart wants it: one batch's loss jumps around, so each point is the mean of a bucket of
 * batches, alongside an exponential moving average over every batch (debiased, as Adam debiases its moments, so
 * the first points are not pulled towards zero). Buckets are sized so that a whole run gives at most
 * {@code maxPoints} points: the chart stays fast however long the run. Filled on the training thread, drained on
 * the UI's; thread-safe.
 */
public final class LossCurve {

    /** A point: where in the run (epochs, fractional), the bucket's mean loss and the smoothed loss there. */
    public record Point(double epoch, double loss, double smoothed) {
    }

    /** The smoothing factor per batch: the average looks back over roughly 1 / (1 − β) = 50 batches. */
    public static final double BETA = 0.98;

    private final int batchesPerEpoch;
    private final int bucket;
    private final List<Point> pending = new ArrayList<>();
    private double average;
    private long seen;
    private double bucketSum;
    private int bucketCount;
    private double smoothed = Double.NaN;

    public LossCurve(int batchesPerEpoch, int epochs, int maxPoints) {
        if (batchesPerEpoch < 1 || epochs < 1 || maxPoints < 1) {
            throw new IllegalArgumentException("need at least one batch, epoch and point");
        }
        this.batchesPerEpoch = batchesPerEpoch;
        this.bucket = (int) Math.max(1, ((long) batchesPerEpoch * epochs + maxPoints - 1) / maxPoints);
    }

    /** How many batches make one point. */
    public int bucketSize() {
        return bucket;
    }

    /** Adds batch {@code batch} (from 1) of epoch {@code epoch} (from 1). */
    public synchronized void add(int epoch, int batch, double loss) {
        seen++;
        average = BETA * average + (1 - BETA) * loss;
        smoothed = average / (1 - Math.pow(BETA, seen));
        bucketSum += loss;
        bucketCount++;
        if (bucketCount == bucket || batch == batchesPerEpoch) {
            pending.add(new Point(epoch - 1 + (double) batch / batchesPerEpoch, bucketSum / bucketCount, smoothed));
            bucketSum = 0;
            bucketCount = 0;
        }
    }

    /** The smoothed loss after the last batch; NaN before the first. */
    public synchronized double smoothed() {
        return smoothed;
    }

    /** The points completed since the last call. */
    public synchronized List<Point> drain() {
        List<Point> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** Points as a table: where in the run (epochs), the bucket's mean batch loss, the smoothed loss there. */
    public static CsvTable table(List<Point> points) {
        CsvTable t = CsvTable.of("epoch", "batch_loss", "smoothed_loss");
        points.forEach(p -> t.add(p.epoch(), p.loss(), p.smoothed()));
        return t;
    }
}
