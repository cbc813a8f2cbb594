package org.backproplab.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.backproplab.codegen.TrainStep.Framework;
import org.backproplab.codegen.TrainStep.Part;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Schedule;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The lines of the training step that the step-through highlights, found in the code Show as code writes. */
class TrainStepTest {

    private static List<String> texts(TrainingConfig c, Framework f, Part part) {
        String[] lines = f.code(c, Locale.ENGLISH).split("\n", -1);
        return TrainStep.lines(f.code(c, Locale.ENGLISH), f).stream().filter(l -> l.part() == part)
                .map(l -> lines[l.index()].strip()).toList();
    }

    @Test
    void theKerasExamplesTrainStepIsTheTapeTheGradientAndTheUpdate() {
        TrainingConfig keras = TrainingConfig.kerasClassic();
        assertEquals(List.of("with tf.GradientTape() as tape:", "probabilities = model(x, training=True)",
                "loss = loss_fn(y, probabilities)"), texts(keras, Framework.KERAS, Part.FORWARD));
        assertEquals(List.of("gradients = tape.gradient(loss, model.trainable_variables)"),
                texts(keras, Framework.KERAS, Part.BACKWARD));
        assertEquals(List.of("optimizer.apply_gradients(zip(gradients, model.trainable_variables))"),
                texts(keras, Framework.KERAS, Part.UPDATE));
        assertEquals(List.of("loss = loss_fn(model(x_train[batch]), y_train[batch])"),
                texts(keras, Framework.PYTORCH, Part.FORWARD));
        assertEquals(List.of("optimizer.zero_grad()", "loss.backward()"), texts(keras, Framework.PYTORCH, Part.BACKWARD));
        assertEquals(List.of("optimizer.step()"), texts(keras, Framework.PYTORCH, Part.UPDATE));
    }

    @Test
    void clippingAndWeightDecayLinesBelongToTheirParts() {
        TrainingConfig c = TrainingConfig.kerasClassic().withRegularisation(new Schedule.Constant(), 1e-4,
                new Clipping.ByNorm(1));
        assertEquals(4, texts(c, Framework.KERAS, Part.FORWARD).size(), "the tape, the model, the loss, the decay");
        assertEquals(2, texts(c, Framework.KERAS, Part.UPDATE).size(), "the clip, the update");
        assertEquals(2, texts(c, Framework.PYTORCH, Part.FORWARD).size());
        assertEquals(List.of("nn.utils.clip_grad_norm_(model.parameters(), 1.0)", "optimizer.step()"),
                texts(c, Framework.PYTORCH, Part.UPDATE));
    }

    @Test
    void theChineseCommentsDoNotMoveTheStep() {
        TrainingConfig keras = TrainingConfig.kerasClassic();
        for (Framework f : Framework.values()) {
            assertEquals(TrainStep.lines(f.code(keras, Locale.ENGLISH), f).size(),
                    TrainStep.lines(f.code(keras, Locale.SIMPLIFIED_CHINESE), f).size(), f.name());
        }
    }
}
