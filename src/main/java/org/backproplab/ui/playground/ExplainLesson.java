package org.backproplab.ui.playground;

import java.util.List;
import java.util.Locale;

import org.backproplab.data.ToyData;
import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;

/**
 * "Explain" for one weight or bias: the playground's network as it is now, with one training point, written as lesson
 * text ({@link NetworkLesson}) for the step-through view, which then steps to the chain-rule step that gives the
 * parameter's matrix its gradient. The point is the training point the network gets most wrong — there the
 * gradient has the most to say. Made on the training thread, which owns the network.
 *
 * @param name      the lesson's name in the step-through view
 * @param text      the lesson text
 * @param parameter the node to step to: the matrix the parameter is an element of, {@code W2} or {@code b2}
 * @param sample    the training point's index
 */
public record ExplainLesson(String name, String text, String parameter, int sample) {

    public static final String NAME = "playground.bp";

    /** The lesson of {@code ref} in the network of {@code playground}, trained on {@code data}, at {@code epoch}. */
    public static ExplainLesson of(Playground playground, PlaygroundData data, ParamRef ref, int epoch) {
        ToyData.Points train = data.train();
        int sample = worst(playground, train);
        double x1 = train.xy()[sample][0];
        double x2 = train.xy()[sample][1];
        double label = train.labels()[sample];
        Playground.Config config = playground.config();
        List<Playground.Feature> features = config.features();
        double[] inputs = new double[features.size()];
        for (int f = 0; f < inputs.length; f++) {
            inputs[f] = features.get(f).of(x1, x2);
        }
        NetworkLesson.Target target = config.problem() == Playground.Problem.CLASSIFICATION
                ? new NetworkLesson.Target.Binary(label) : new NetworkLesson.Target.Value(label);
        String point = String.format(Locale.ROOT, "(x1 = %.4g, x2 = %.4g, label %s)", x1, x2, label(label));
        String inputsLine = features.stream().map(Playground.Feature::symbol).reduce((a, b) -> a + ", " + b).orElse("");
        String title = "Playground, epoch " + epoch + ": training point " + (sample + 1) + " " + point
                + ", the one the network gets most wrong, through " + ref.label();
        String text = NetworkLesson.write(title, NetworkLesson.layersOf(playground.network()),
                Activation.of(config.activation()), inputs, target);
        int firstLineEnd = text.indexOf('\n') + 1;
        String more = "# 游乐场，第 " + epoch + " 轮：训练点 " + (sample + 1) + " " + point + "，网络错得最多的点，经过 "
                + ref.label() + "。\n"
                + "# x holds the features " + inputsLine + " of that point; " + where(ref) + "\n";
        return new ExplainLesson(NAME, text.substring(0, firstLineEnd) + more + text.substring(firstLineEnd),
                ref.matrix(), sample);
    }

    private static String where(ParamRef ref) {
        return ref.isBias() ? ref.label() + " is element " + (ref.to() + 1) + " of " + ref.matrix() + "."
                : ref.label() + " is row " + (ref.from() + 1) + ", column " + (ref.to() + 1) + " of " + ref.matrix() + ".";
    }

    /** The training point with the largest error |output − label|. */
    static int worst(Playground playground, ToyData.Points train) {
        double[] out = playground.predict(train.xy());
        int worst = 0;
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(out[i] - train.labels()[i]) > Math.abs(out[worst] - train.labels()[worst])) {
                worst = i;
            }
        }
        return worst;
    }

    private static String label(double label) {
        return label == Math.rint(label) ? Long.toString((long) label) : Double.toString(label);
    }
}
