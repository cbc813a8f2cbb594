package org.backproplab.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.nn.TrainingConfig;

/**
 * The training step inside the code "Show as code" writes, line by line: which lines do the forward pass, the
 * backward pass and the update. The step-through view highlights them as it steps through the same network, so a
 * learner sees that {@code with tf.GradientTape() as tape:} is the forward pass being recorded,
 * {@code tape.gradient(...)} the backward pass and {@code optimizer.apply_gradients(...)} the update.
 */
public final class TrainStep {

    /** The two frameworks "Show as code" writes. */
    public enum Framework {
        KERAS, PYTORCH;

        /** The script for {@code config}, commented in the language of {@code locale}: "Show as code"'s own. */
        public String code(TrainingConfig config, Locale locale) {
            return this == KERAS ? FrameworkCode.keras(config, locale) : FrameworkCode.pytorch(config, locale);
        }
    }

    /** The part of a training step a line does: the step-through's three phases. */
    public enum Part { FORWARD, BACKWARD, UPDATE }

    /**
     * One line of the step: its index in the script (0-based), the part it does, and its id, which names its
     * one-sentence explanation ({@code keras.tape}, {@code torch.backward}, …).
     */
    public record Line(int index, Part part, String id) {
    }

    /** What marks each line of the step in a script: a piece of its text, its part and its id. */
    private record Marker(String text, Part part, String id) {
    }

    private static final List<Marker> KERAS = List.of(
            new Marker("with tf.GradientTape() as tape:", Part.FORWARD, "keras.tape"),
            new Marker("probabilities = model(x, training=True)", Part.FORWARD, "keras.model"),
            new Marker("loss = loss_fn(y, probabilities)", Part.FORWARD, "keras.loss"),
            new Marker("loss += ", Part.FORWARD, "keras.decay"),
            new Marker("tape.gradient(loss, model.trainable_variables)", Part.BACKWARD, "keras.gradient"),
            new Marker("tf.clip_by_", Part.UPDATE, "keras.clip"),
            new Marker("optimizer.apply_gradients(", Part.UPDATE, "keras.apply"));

    private static final List<Marker> PYTORCH = List.of(
            new Marker("loss = loss_fn(model(", Part.FORWARD, "torch.loss"),
            new Marker("loss = loss + ", Part.FORWARD, "torch.decay"),
            new Marker("optimizer.zero_grad()", Part.BACKWARD, "torch.zero"),
            new Marker("loss.backward()", Part.BACKWARD, "torch.backward"),
            new Marker("nn.utils.clip_grad_", Part.UPDATE, "torch.clip"),
            new Marker("optimizer.step()", Part.UPDATE, "torch.step"));

    private TrainStep() {
    }

    /** The lines of the training step in {@code code}, a script {@link Framework#code} wrote, in script order. */
    public static List<Line> lines(String code, Framework framework) {
        String[] lines = code.split("\n", -1);
        List<Line> step = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            for (Marker m : framework == Framework.KERAS ? KERAS : PYTORCH) {
                if (lines[i].contains(m.text()) && !lines[i].stripLeading().startsWith("#")) {
                    step.add(new Line(i, m.part(), m.id()));
                    break;
                }
            }
        }
        return step;
    }
}
