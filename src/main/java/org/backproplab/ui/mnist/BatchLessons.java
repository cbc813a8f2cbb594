package org.backproplab.ui.mnist;

import java.util.List;
import java.util.Locale;
import org.backproplab.engine.Tensor;
import org.backproplab.lesson.LessonLimits;
import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Activation;
import org.backproplab.nn.BatchNormLayer;
import org.backproplab.nn.DropoutLayer;
import org.backproplab.nn.Model;
import org.backproplab.nn.Module;
import org.backproplab.ui.Resources;

/**
 * Step through one batch: the MNIST tab's network as it is now, on a batch of real training images, as a lesson for
 * the step-through view ({@link NetworkLesson#batch}). A network qualifies when the step-through can show it: Linear
 * and activation layers only (BatchNorm and dropout are layers the lesson language has no line for) and every weight
 * matrix within a lesson's {@value LessonLimits#MAX_TENSOR_SIZE} numbers — a first hidden layer of up to 83 units.
 */
final class BatchLessons {

    /** How many training images the batch holds. */
    static final int IMAGES = 8;
    /** The lesson's name in the step-through view. */
    static final String NAME = "mnist_batch.bp";

    /** Why Step through one batch did not open: a message key and its arguments. */
    record Refused(String key, Object... args) {
        /** The sentence in {@code messages}' language. */
        String message(java.util.ResourceBundle messages) {
            return java.text.MessageFormat.format(messages.getString(key), args);
        }
    }

    private BatchLessons() {
    }

    /**
     * Opens the lesson of {@code model} on training images {@code first … first + IMAGES − 1} with {@code opener}:
     * null when it opened, or why not.
     */
    static Refused open(Model model, int first, MnistTabModel.BatchOpener opener) {
        for (Module m : model.network().modules()) {
            if (m instanceof BatchNormLayer || m instanceof DropoutLayer) {
                return new Refused("mnist.batch.refused.layers");
            }
        }
        List<Tensor> params = model.network().parameters();
        for (Tensor p : params) {
            if (p.size() > LessonLimits.MAX_TENSOR_SIZE) {
                return new Refused("mnist.batch.refused.size", model.config().layerList(), p.rows() + "×" + p.cols());
            }
        }
        Activation activation = model.network().modules().stream().filter(Activation.class::isInstance)
                .map(Activation.class::cast).findFirst().orElse(Activation.of(model.config().activation()));
        NetworkLesson.Batch batch = NetworkLesson.batch(title(model, Locale.ENGLISH),
                title(model, Locale.SIMPLIFIED_CHINESE), NetworkLesson.layersOf(model.network()), activation, first,
                IMAGES, model.config());
        return opener.open(NAME, batch) ? null : new Refused("mnist.batch.refused.busy");
    }

    private static String title(Model model, Locale locale) {
        Preset preset = Preset.matching(model.config());
        var messages = Resources.messages(locale);
        String network = preset == Preset.CUSTOM ? model.config().layerList().replace(',', '-')
                : messages.getString(preset.key());
        return java.text.MessageFormat.format(messages.getString("mnist.batch.title"), network, IMAGES);
    }
}
