package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.lesson.NetworkLesson;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.nn.Model;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Which networks Step through one batch opens, under which title, and why it refuses the others. */
class BatchLessonsTest {

    private static Model model(TrainingConfig c) {
        return new Model(c, c.buildNetwork());
    }

    private static void assertRefused(BatchLessons.Refused refused, String key, Object... args) {
        assertEquals(key, refused.key());
        assertArrayEquals(args, refused.args());
    }

    @Test
    void theKerasExampleOpensUnderItsPresetsNameOnTheImagesAsked() {
        List<NetworkLesson.Batch> opened = new ArrayList<>();
        assertNull(BatchLessons.open(model(TrainingConfig.kerasClassic()), 16, (name, batch) -> {
            assertEquals("mnist_batch.bp", name);
            return opened.add(batch);
        }));
        String text = opened.get(0).text();
        assertTrue(text.startsWith("# Title: Keras example 784-10-10: one batch of 8 digits\n"), text);
        assertTrue(text.contains("# 标题：Keras 示例 784-10-10：由 8 个数字组成的小批量\n"), text);
        assertTrue(text.contains("const x = mnist_images(16, 8)\nconst y = mnist_labels(16, 8)\n"), text);
        assertEquals(TrainingConfig.kerasClassic(), opened.get(0).data().network());
        assertRefused(BatchLessons.open(model(TrainingConfig.kerasClassic()), 0, (name, batch) -> false),
                "mnist.batch.refused.busy");
    }

    @Test
    void bigLayersBatchNormAndDropoutAreRefusedWithTheReason() {
        assertRefused(BatchLessons.open(model(TrainingConfig.defaults(new int[] {784, 128, 10})), 0, (n, b) -> true),
                "mnist.batch.refused.size", "784,128,10", "784×128");
        TrainingConfig bn = TrainingConfig.defaults(new int[] {784, 32, 10})
                .withNetwork(Activation.Kind.RELU, true, 0, Initializer.Scheme.HE_UNIFORM);
        assertRefused(BatchLessons.open(model(bn), 0, (n, b) -> true), "mnist.batch.refused.layers");
        TrainingConfig custom = TrainingConfig.defaults(new int[] {784, 83, 10});
        List<String> texts = new ArrayList<>();
        assertNull(BatchLessons.open(model(custom), 0, (n, b) -> texts.add(b.text())), "83 units: 65,072 weights fit");
        assertTrue(texts.get(0).startsWith("# Title: 784-83-10: one batch of 8 digits"), texts.get(0));
    }
}
