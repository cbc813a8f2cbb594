package org.backproplab.ui.gradflow;

import java.util.Locale;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

/**
 * The comparisons the lab offers ready-made: each takes configuration A as it is and makes the pair (A, B) that
 * differs in one cure only. {@link #CUSTOM} leaves both as the user set them. Editing either side afterwards names
 * the comparison the pair still matches, if any ({@link #matching}).
 */
public enum ComparePreset {
    /** The classic: sigmoid with Xavier against ReLU with He. */
    ACTIVATION {
        @Override FlowSettings a(FlowSettings s) {
            return s.withActivation(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM);
        }

        @Override FlowSettings b(FlowSettings s) {
            return s.withActivation(Activation.Kind.RELU, Initializer.Scheme.HE_UNIFORM);
        }
    },
    BATCH_NORM {
        @Override FlowSettings a(FlowSettings s) { return s.withBatchNorm(false); }
        @Override FlowSettings b(FlowSettings s) { return s.withBatchNorm(true); }
    },
    /** No clipping against clipping by global norm 1. */
    CLIPPING {
        @Override FlowSettings a(FlowSettings s) { return s.withClip(Clipping.Mode.NONE, s.clipThreshold()); }
        @Override FlowSettings b(FlowSettings s) { return s.withClip(Clipping.Mode.NORM, "1"); }
    },
    /** SGD at A's rate against Adam at 0.001, its usual rate. */
    OPTIMIZER {
        @Override FlowSettings a(FlowSettings s) {
            return s.optimizer() == OptimizerKind.ADAM ? s.withOptimizer(OptimizerKind.SGD, "0.1") : s;
        }

        @Override FlowSettings b(FlowSettings s) { return s.withOptimizer(OptimizerKind.ADAM, "0.001"); }
    },
    CUSTOM {
        @Override FlowSettings a(FlowSettings s) { return s; }
        @Override FlowSettings b(FlowSettings s) { return s; }
    };

    /** Configuration A of the pair, made from the current A. */
    abstract FlowSettings a(FlowSettings current);

    /** Configuration B of the pair, made from the current A. */
    abstract FlowSettings b(FlowSettings current);

    /** The settings with this comparison applied; {@link #CUSTOM} leaves them as they are. */
    public LabSettings apply(LabSettings s) {
        return this == CUSTOM ? s : s.withA(a(s.a())).withB(b(s.a()));
    }

    /** The first comparison whose pair, made from A, is exactly (A, B); else {@link #CUSTOM}. */
    public static ComparePreset matching(FlowSettings a, FlowSettings b) {
        for (ComparePreset p : values()) {
            if (p != CUSTOM && p.a(a).equals(a) && p.b(a).equals(b)) {
                return p;
            }
        }
        return CUSTOM;
    }

    /** The message key of its name. */
    public String key() {
        return "gradflow.compare." + name().toLowerCase(Locale.ROOT);
    }
}
