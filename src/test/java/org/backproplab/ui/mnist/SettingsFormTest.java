package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.backproplab.nn.Activation;
import org.junit.jupiter.api.Test;

/** The form's properties, without a toolkit: JavaFX properties need none. */
class SettingsFormTest {

    @Test
    void aPresetFillsEveryField() {
        SettingsForm form = new SettingsForm(Preset.MLP_128);
        assertEquals("784,128,10", form.layersProperty().get());
        form.presetProperty().set(Preset.MLP_800);
        assertEquals("784,800,10", form.layersProperty().get());
        assertEquals("0.2", form.dropoutProperty().get());
        assertEquals(new org.backproplab.nn.Schedule.Cosine(), form.scheduleProperty().get());
        assertEquals("20", form.epochsProperty().get());
        assertEquals(Preset.MLP_800.config(), form.config());
        assertNull(form.problemProperty().get());
    }

    @Test
    void editingMakesItCustomAndMatchingFieldsNameThePresetWithoutRewritingThem() {
        SettingsForm form = new SettingsForm(Preset.MLP_128);
        form.activationProperty().set(Activation.Kind.TANH);
        assertEquals(Preset.CUSTOM, form.presetProperty().get());
        assertEquals("784,128,10", form.layersProperty().get(), "choosing Custom keeps the fields");
        form.activationProperty().set(Activation.Kind.RELU);
        form.layersProperty().set("784, 128, 10");
        assertEquals(Preset.MLP_128, form.presetProperty().get());
        assertEquals("784, 128, 10", form.layersProperty().get(), "what is typed stays as typed");
    }

    @Test
    void aWrongFieldIsAProblemAndNoConfig() {
        SettingsForm form = new SettingsForm(Preset.KERAS_CLASSIC);
        form.batchSizeProperty().set("-3");
        assertEquals(Settings.Field.BATCH_SIZE, form.problemProperty().get().field());
        assertNull(form.config());
        assertEquals(Preset.CUSTOM, form.presetProperty().get());
        form.batchSizeProperty().set("32");
        assertNull(form.problemProperty().get());
        assertEquals(Preset.KERAS_CLASSIC, form.presetProperty().get());
    }
}
