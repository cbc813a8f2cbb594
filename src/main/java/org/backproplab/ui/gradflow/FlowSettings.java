package org.backproplab.ui.gradflow;

import java.math.BigDecimal;
import java.util.List;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;

/**
 * The switches of one configuration of the lab as the form holds them: choices where the user picks, text where
 * the user types (learning rate, clipping threshold). What both configurations share (data, batch size, seed) is in
 * {@link LabSettings}, which also parses the two into {@link org.backproplab.labs.GradientFlow.Config}s.
 *
 * @param clip "none", "value" or "norm", as {@link org.backproplab.labs.GradientFlow.Config} takes it
 */
public record FlowSettings(int depth, int width, Activation.Kind activation, Initializer.Scheme init, boolean batchNorm,
                           String clip, String clipThreshold, String optimizer, String learningRate) {

    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 20;
    public static final int MIN_WIDTH = 8;
    public static final int MAX_WIDTH = 256;
    /** The initialisations of the issue: normal(0, 0.01), normal(0, 1), Glorot and Kaiming (both uniform). */
    public static final List<Initializer.Scheme> INITS = List.of(Initializer.Scheme.SMALL, Initializer.Scheme.NORMAL,
            Initializer.Scheme.XAVIER_UNIFORM, Initializer.Scheme.HE_UNIFORM);
    public static final List<String> CLIPS = List.of("none", "value", "norm");
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "rmsprop", "adam");

    /** The classic demonstration the lab opens on: depth 10, width 64, sigmoid, Xavier, SGD 0.1, no clipping. */
    public static FlowSettings classic() {
        return new FlowSettings(10, 64, Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM, false, "none", "1",
                "sgd", "0.1");
    }

    public FlowSettings withActivation(Activation.Kind kind, Initializer.Scheme scheme) {
        return new FlowSettings(depth, width, kind, scheme, batchNorm, clip, clipThreshold, optimizer, learningRate);
    }

    public FlowSettings withBatchNorm(boolean on) {
        return new FlowSettings(depth, width, activation, init, on, clip, clipThreshold, optimizer, learningRate);
    }

    public FlowSettings withClip(String mode, String threshold) {
        return new FlowSettings(depth, width, activation, init, batchNorm, mode, threshold, optimizer, learningRate);
    }

    public FlowSettings withOptimizer(String id, String rate) {
        return new FlowSettings(depth, width, activation, init, batchNorm, clip, clipThreshold, id, rate);
    }

    public FlowSettings withShape(int newDepth, int newWidth) {
        return new FlowSettings(newDepth, newWidth, activation, init, batchNorm, clip, clipThreshold, optimizer,
                learningRate);
    }

    /** 0.001 → "0.001", 1e-4 → "0.0001", 5.0 → "5": the way a person would type it. */
    public static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
