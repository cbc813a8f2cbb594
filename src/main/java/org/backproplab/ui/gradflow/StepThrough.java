package org.backproplab.ui.gradflow;

import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Examples;
import org.backproplab.labs.GradientFlow;

/**
 * "Open in step-through": a configuration small enough to follow node by node, written as lesson text with its
 * weights as they are now and one example, so that the step-through view shows the very network the lab trains.
 * Only small networks qualify (a graph of more than a few dozen nodes is no longer followed step by step), on a
 * 2-D dataset (784 pixels would make the first weight matrix 784 rows of numbers, a lesson of 150,000 characters
 * that nobody steps through), and not with BatchNorm, which needs a batch: one example cannot show it.
 */
public final class StepThrough {

    public static final int MAX_DEPTH = 4;
    public static final int MAX_WIDTH = 8;
    public static final int MAX_INPUTS = 2;

    private StepThrough() {
    }

    /** Why this configuration cannot be opened on examples of this many features, as a message key; null when it can. */
    public static String obstacle(GradientFlow.Config c, int features) {
        if (features > MAX_INPUTS) {
            return "gradflow.open.inputs";
        }
        if (c.depth() > MAX_DEPTH || c.width() > MAX_WIDTH) {
            return "gradflow.open.tooBig";
        }
        return c.batchNorm() ? "gradflow.open.batchNorm" : null;
    }

    /**
     * The lesson text of the network as it is now on example {@code example} of the data. Throws
     * {@link IllegalArgumentException} when the network cannot be written (it has overflowed, or is too big).
     */
    public static String lesson(GradientFlow flow, Examples data, int example, String title) {
        String why = obstacle(flow.config(), data.features());
        if (why != null) {
            throw new IllegalArgumentException("cannot open this network in the step-through view: " + why);
        }
        return NetworkLesson.write(title, NetworkLesson.layersOf(flow.network()), Activation.of(flow.config().activation()),
                LabData.input(data, example), new NetworkLesson.Target.OneHot(LabData.label(data, example),
                        data.classes()));
    }
}
