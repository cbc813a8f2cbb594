package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

class ComparePresetTest {

    @Test
    void sigmoidAgainstReluWithHe() {
        LabSettings s = ComparePreset.ACTIVATION.apply(LabSettings.defaults().withCompare(true));
        assertEquals(Activation.Kind.SIGMOID, s.a().activation());
        assertEquals(Initializer.Scheme.XAVIER_UNIFORM, s.a().init());
        assertEquals(Activation.Kind.RELU, s.b().activation());
        assertEquals(Initializer.Scheme.HE_UNIFORM, s.b().init());
        assertEquals(s.a().depth(), s.b().depth());
        assertEquals(s.a().learningRate(), s.b().learningRate());
    }

    @Test
    void eachPairDiffersInOneCureAndIsRecognised() {
        for (ComparePreset p : ComparePreset.values()) {
            if (p == ComparePreset.CUSTOM) {
                continue;
            }
            LabSettings s = p.apply(LabSettings.defaults().withCompare(true));
            assertFalse(s.a().equals(s.b()), p + " changes nothing");
            assertEquals(p, ComparePreset.matching(s.a(), s.b()), p.name());
            assertTrue(s.parse().ok(), p + ": " + s.parse().problem());
        }
        LabSettings bn = ComparePreset.BATCH_NORM.apply(LabSettings.defaults());
        assertEquals(bn.a().withBatchNorm(true), bn.b());
        LabSettings clip = ComparePreset.CLIPPING.apply(LabSettings.defaults());
        assertEquals(Clipping.Mode.NONE, clip.a().clip());
        assertEquals(Clipping.Mode.NORM, clip.b().clip());
        assertEquals("1", clip.b().clipThreshold());
        LabSettings adam = ComparePreset.OPTIMIZER.apply(LabSettings.defaults());
        assertEquals(OptimizerKind.SGD, adam.a().optimizer());
        assertEquals(OptimizerKind.ADAM, adam.b().optimizer());
        assertEquals("0.001", adam.b().learningRate());
    }

    @Test
    void anEditedPairIsCustomAndCustomChangesNothing() {
        LabSettings s = ComparePreset.BATCH_NORM.apply(LabSettings.defaults());
        assertEquals(ComparePreset.CUSTOM, ComparePreset.matching(s.a(), s.b().withShape(4, 32)));
        assertEquals(s, ComparePreset.CUSTOM.apply(s));
    }
}
