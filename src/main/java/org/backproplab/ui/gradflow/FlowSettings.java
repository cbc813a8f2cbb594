package org.backproplab.ui.gradflow;

import java.math.BigDecimal;
import java.util.List;

import io.soabase.recordbuilder.core.RecordBuilder;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.OptimizerKind;

/**
 * The switches of one configuration of the lab as the form holds them: choices where the user picks, text where
 * the user types (learning rate, clipping threshold). What both configurations share (data, batch size, seed) is in
 * {@link LabSettings}, which also parses the two into {@link org.backproplab.labs.GradientFlow.Config}s.
 *
 * @param clip the kind of clipping; its threshold is typed into {@code clipThreshold}
 */
@RecordBuilder
public record FlowSettings(int depth, int width, Activation.Kind activation, Initializer.Scheme init, boolean batchNorm,
                           Clipping.Mode clip, String clipThreshold, OptimizerKind optimizer, String learningRate)
        implements FlowSettingsBuilder.With {

    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 20;
    public static final int MIN_WIDTH = 8;
    public static final int MAX_WIDTH = 256;
    /** The initialisations of the issue: normal(0, 0.01), normal(0, 1), Glorot and Kaiming (both uniform). */
    public static final List<Initializer.Scheme> INITS = List.of(Initializer.Scheme.SMALL, Initializer.Scheme.NORMAL,
            Initializer.Scheme.XAVIER_UNIFORM, Initializer.Scheme.HE_UNIFORM);
    public static final List<Clipping.Mode> CLIPS = List.of(Clipping.Mode.values());
    public static final List<OptimizerKind> OPTIMIZERS = List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM,
            OptimizerKind.RMSPROP, OptimizerKind.ADAM);

    /** The classic demonstration the lab opens on: depth 10, width 64, sigmoid, Xavier, SGD 0.1, no clipping. */
    public static FlowSettings classic() {
        return new FlowSettings(10, 64, Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM, false,
                Clipping.Mode.NONE, "1", OptimizerKind.SGD, "0.1");
    }

    public FlowSettings withActivation(Activation.Kind kind, Initializer.Scheme scheme) {
        return with(b -> b.activation(kind).init(scheme));
    }

    public FlowSettings withClip(Clipping.Mode mode, String threshold) {
        return with(b -> b.clip(mode).clipThreshold(threshold));
    }

    public FlowSettings withOptimizer(OptimizerKind kind, String rate) {
        return with(b -> b.optimizer(kind).learningRate(rate));
    }

    public FlowSettings withShape(int newDepth, int newWidth) {
        return with(b -> b.depth(newDepth).width(newWidth));
    }

    /** 0.001 → "0.001", 1e-4 → "0.0001", 5.0 → "5": the way a person would type it. */
    public static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
