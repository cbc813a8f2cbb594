package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.nn.Activation;
import org.backproplab.nn.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.Schedule;

class SettingsTest {

    private static final Settings GOOD = Settings.of(TrainingConfig.defaults(new int[] {784, 128, 10}));

    @Test
    void everyPresetSurvivesTheFormAndIsRecognised() {
        for (Preset p : Preset.values()) {
            if (p == Preset.CUSTOM) {
                continue;
            }
            Settings.Parsed parsed = Settings.of(p.config()).parse();
            assertTrue(parsed.ok(), p + ": " + parsed.problem());
            assertEquals(p.config(), parsed.config(), p.name());
            assertEquals(p, Preset.matching(parsed.config()));
        }
    }

    @Test
    void presetsAreTheIssuesNetworks() {
        assertEquals("784,10,10", Preset.KERAS_CLASSIC.config().layerList());
        assertEquals(0.01, Preset.KERAS_CLASSIC.config().learningRate());
        assertEquals(32, Preset.KERAS_CLASSIC.config().batchSize());
        assertEquals("784,128,10", Preset.MLP_128.config().layerList());
        assertEquals("784,256,128,10", Preset.MLP_256_128.config().layerList());
        assertEquals("784,800,10", Preset.MLP_800.config().layerList());
    }

    @Test
    void anEditedFieldMakesItCustom() {
        Settings s = Settings.of(Preset.MLP_128.config());
        Settings edited = new Settings(s.layers(), s.activation(), s.batchNorm(), s.dropout(), s.optimizer(), "0.002",
                s.schedule(), s.batchSize(), s.epochs());
        assertEquals(Preset.CUSTOM, Preset.matching(edited.parse().config()));
    }

    @Test
    void numbersAreWrittenAsAPersonTypesThem() {
        assertEquals("0.001", Settings.number(0.001));
        assertEquals("0.0001", Settings.number(1e-4));
        assertEquals("0", Settings.number(0));
        assertEquals("0.2", Settings.number(0.2));
        assertEquals("5", Settings.number(5.0));
    }

    @Test
    void sizesMayBeSeparatedByCommasDashesOrSpaces() {
        assertArrayEquals(new int[] {784, 128, 10}, Settings.sizes("784,128,10"));
        assertArrayEquals(new int[] {784, 256, 128, 10}, Settings.sizes(" 784 - 256 , 128 10 "));
        assertArrayEquals(new int[] {784, 16, 10}, Settings.sizes("784×16×10"));
    }

    @Test
    void eachBadFieldIsNamedWithItsMessage() {
        assertProblem(with("784,abc,10", "0", "0.001", "128", "5"), Settings.Field.LAYERS, "mnist.error.layers.format");
        assertProblem(with("784", "0", "0.001", "128", "5"), Settings.Field.LAYERS, "mnist.error.layers.format");
        assertProblem(with("100,10", "0", "0.001", "128", "5"), Settings.Field.LAYERS, "mnist.error.layers.ends");
        assertProblem(with("784,128,9", "0", "0.001", "128", "5"), Settings.Field.LAYERS, "mnist.error.layers.ends");
        assertProblem(with("784,0,10", "0", "0.001", "128", "5"), Settings.Field.LAYERS, "mnist.error.layers.size");
        assertProblem(with("784,5000,10", "0", "0.001", "128", "5"), Settings.Field.LAYERS, "mnist.error.layers.size");
        assertProblem(with("784,128,10", "1", "0.001", "128", "5"), Settings.Field.DROPOUT, "mnist.error.dropout");
        assertProblem(with("784,128,10", "x", "0.001", "128", "5"), Settings.Field.DROPOUT, "mnist.error.dropout");
        assertProblem(with("784,128,10", "0", "0", "128", "5"), Settings.Field.LEARNING_RATE, "mnist.error.learningRate");
        assertProblem(with("784,128,10", "0", "NaN", "128", "5"), Settings.Field.LEARNING_RATE, "mnist.error.learningRate");
        assertProblem(with("784,128,10", "0", "0.001", "0", "5"), Settings.Field.BATCH_SIZE, "mnist.error.batchSize");
        assertProblem(with("784,128,10", "0", "0.001", "1.5", "5"), Settings.Field.BATCH_SIZE, "mnist.error.batchSize");
        assertProblem(with("784,128,10", "0", "0.001", "128", "0"), Settings.Field.EPOCHS, "mnist.error.epochs");
        assertProblem(with("784,128,10", "0", "0.001", "128", ""), Settings.Field.EPOCHS, "mnist.error.epochs");
    }

    @Test
    void aGoodFormGivesItsConfig() {
        Settings s = new Settings("784, 32, 10", Activation.Kind.TANH, true, "0.1", OptimizerKind.RMSPROP, "0.003",
                new Schedule.Cosine(), "64",
                "2");
        TrainingConfig c = s.parse().config();
        assertEquals("784,32,10", c.layerList());
        assertEquals(Activation.Kind.TANH, c.activation());
        assertTrue(c.batchNorm());
        assertEquals(0.1, c.dropout());
        assertEquals(OptimizerKind.RMSPROP, c.optimizer());
        assertEquals(0.003, c.learningRate());
        assertEquals(new Schedule.Cosine(), c.schedule());
        assertEquals(64, c.batchSize());
        assertEquals(2, c.epochs());
        assertFalse(GOOD.parse().problem() != null);
    }

    private static Settings with(String layers, String dropout, String lr, String batch, String epochs) {
        return new Settings(layers, GOOD.activation(), false, dropout, OptimizerKind.ADAM, lr, Schedule.NONE, batch,
                epochs);
    }

    private static void assertProblem(Settings s, Settings.Field field, String key) {
        Settings.Parsed parsed = s.parse();
        assertFalse(parsed.ok(), s.toString());
        assertEquals(field, parsed.problem().field(), s.toString());
        assertEquals(key, parsed.problem().key(), s.toString());
    }
}
