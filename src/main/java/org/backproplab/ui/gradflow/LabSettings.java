package org.backproplab.ui.gradflow;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.labs.GradientFlow;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * The whole form of the lab: the data, batch size and seed that both configurations share (a comparison is fair
 * only on the same batches from the same seed), configuration A, and B when comparing. {@link #parse()} gives one
 * or two {@link GradientFlow.Config}s, or the first problem found: which configuration, which field, and a message
 * key with its arguments, so that the view can say it in the user's language.
 */
@RecordBuilder
public record LabSettings(Dataset dataset, String batchSize, String seed, boolean compare, FlowSettings a,
                          FlowSettings b) implements LabSettingsBuilder.With {

    public static final int MAX_BATCH = 2048;

    /** The fields that can be wrong. */
    public enum Field { BATCH_SIZE, SEED, LEARNING_RATE, CLIP_THRESHOLD }

    /** What is wrong: in configuration {@code run} (0 for A, 1 for B; -1 for a shared field), which field, why. */
    public record Problem(int run, Field field, String key, Object... args) {
    }

    /** Either the configurations (one, or two when comparing) or the first problem. */
    public record Parsed(List<GradientFlow.Config> configs, Problem problem) {
        public boolean ok() {
            return configs != null;
        }
    }

    public static LabSettings defaults() {
        return new LabSettings(Dataset.MNIST, "256", "0", false, FlowSettings.classic(), FlowSettings.classic());
    }

    public LabSettings withData(Dataset d, String batch, String s) {
        return with(b -> b.dataset(d).batchSize(batch).seed(s));
    }

    public Parsed parse() {
        Integer batch = whole(batchSize);
        if (batch == null || batch < 1 || batch > MAX_BATCH) {
            return problem(-1, Field.BATCH_SIZE, "gradflow.error.batchSize", MAX_BATCH);
        }
        Long s = seed(seed);
        if (s == null) {
            return problem(-1, Field.SEED, "gradflow.error.seed");
        }
        List<GradientFlow.Config> configs = new ArrayList<>();
        List<FlowSettings> runs = compare ? List.of(a, b) : List.of(a);
        for (int r = 0; r < runs.size(); r++) {
            FlowSettings f = runs.get(r);
            Double lr = decimal(f.learningRate());
            if (lr == null || !(lr > 0) || lr > 10) {
                return problem(r, Field.LEARNING_RATE, "gradflow.error.learningRate");
            }
            double threshold = 0;
            if (f.clip() != Clipping.Mode.NONE) {
                Double t = decimal(f.clipThreshold());
                if (t == null || !(t > 0) || t > 1e6) {
                    return problem(r, Field.CLIP_THRESHOLD, "gradflow.error.clipThreshold");
                }
                threshold = t;
            }
            if (f.activation() == null || f.init() == null || f.clip() == null || f.optimizer() == null) {
                throw new IllegalStateException("the form offered a choice it does not know: " + f);
            }
            configs.add(new GradientFlow.Config(f.depth(), f.width(), f.activation(), f.init(), f.batchNorm(),
                    f.clip().with(threshold), f.optimizer(), lr, batch, s));
        }
        return new Parsed(List.copyOf(configs), null);
    }

    private static Double decimal(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Integer whole(String text) {
        try {
            return Integer.parseInt(text.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Long seed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Parsed problem(int run, Field field, String key, Object... args) {
        return new Parsed(null, new Problem(run, field, key, args));
    }
}
