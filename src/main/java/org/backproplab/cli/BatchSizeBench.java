package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.backproplab.nn.BatchSizeRace;
import org.backproplab.nn.Examples;
import org.backproplab.nn.TrainingConfig;

/**
 * {@code bench --batch-sizes LIST --seconds S [--json]}: the same network trained for S seconds at each batch size
 * ({@link BatchSizeRace}); a table, or one JSON line a batch size, with the loss on 2,000 training images as it went.
 */
final class BatchSizeBench {

    /** The training images whose loss the race measures: enough for a smooth curve, few enough to be quick. */
    static final int MEASURED = 2000;

    private BatchSizeBench() {
    }

    static int run(BenchCommand c, PrintWriter out, PrintWriter err) {
        if (!(c.seconds > 0) || c.seconds > 600) {
            err.println("bench: --seconds must be more than 0 and at most 600, not " + c.seconds);
            return BackpropLabCommand.USAGE;
        }
        TrainingConfig config;
        Mnist mnist;
        try {
            config = c.preset != null ? BenchCommand.preset(c.preset, c.options.epochs) : c.options.config();
            mnist = c.options.loadMnist();
        } catch (IllegalArgumentException | DataFileException e) {
            err.println("bench: " + e.getMessage());
            return BackpropLabCommand.USAGE;
        }
        Examples train = c.options.trainingExamples(mnist);
        for (int size : c.batchSizes) {
            if (size < 1 || size > train.count()) {
                err.println("bench: --batch-sizes are 1 to " + train.count() + " (the training images), not " + size);
                return BackpropLabCommand.USAGE;
            }
        }
        Examples measure = new Examples(mnist.train().name(), Math.min(MEASURED, mnist.train().count()),
                mnist.train().pixelsPerImage(), 10, mnist.train()::gather);
        if (!c.json) {
            out.printf("training %s for %s s at each batch size; loss on %,d training images%n", config.layerList(),
                    JsonWriter.number(c.seconds), measure.count());
            out.printf("%10s %10s %12s %10s %8s %8s%n", "batch", "steps", "s/step", "s/epoch", "epochs", "loss");
            out.flush();
        }
        List<BatchSizeRace.Lane> lanes = BatchSizeRace.race(config, train, measure, c.batchSizes, c.seconds, null,
                () -> false);
        for (BatchSizeRace.Lane lane : lanes) {
            if (c.json) {
                out.println(JsonWriter.write(json(lane)));
            } else {
                out.printf("%10d %10d %12.6f %10.3f %8.3f %8.4f%n", lane.batchSize(), lane.steps(), lane.stepSeconds(),
                        lane.epochSeconds(), lane.epochs(), lane.finalLoss());
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(BatchSizeRace.Lane lane) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch_size", lane.batchSize());
        m.put("steps", lane.steps());
        m.put("seconds", lane.seconds());
        m.put("step_seconds", lane.stepSeconds());
        m.put("epoch_seconds", lane.epochSeconds());
        m.put("epochs", lane.epochs());
        m.put("final_loss", lane.finalLoss());
        List<Object> points = new ArrayList<>();
        for (BatchSizeRace.Point p : lane.points()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("seconds", p.seconds());
            point.put("epochs", p.epochs());
            point.put("loss", p.loss());
            points.add(point);
        }
        m.put("points", points);
        return m;
    }
}
