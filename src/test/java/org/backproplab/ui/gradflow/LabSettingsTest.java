package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.nn.Activation;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.OptimizerKind;

class LabSettingsTest {

    @Test
    void theDefaultsAreTheClassicDemonstration() {
        LabSettings.Parsed p = LabSettings.defaults().parse();
        assertTrue(p.ok(), String.valueOf(p.problem()));
        assertEquals(1, p.configs().size());
        GradientFlow.Config expected = GradientFlow.Config.of(Activation.Kind.SIGMOID, Initializer.Scheme.XAVIER_UNIFORM);
        assertEquals(expected, p.configs().get(0));
    }

    @Test
    void comparingGivesTwoConfigurationsOnTheSameBatchSizeAndSeed() {
        LabSettings s = LabSettings.defaults().withData(Dataset.SPIRAL, "32", "7").withCompare(true)
                .withB(FlowSettings.classic().withBatchNorm(true));
        LabSettings.Parsed p = s.parse();
        assertTrue(p.ok());
        assertEquals(2, p.configs().size());
        assertFalse(p.configs().get(0).batchNorm());
        assertTrue(p.configs().get(1).batchNorm());
        for (GradientFlow.Config c : p.configs()) {
            assertEquals(32, c.batchSize());
            assertEquals(7, c.seed());
        }
    }

    @Test
    void eachProblemNamesTheFieldAndTheConfiguration() {
        LabSettings s = LabSettings.defaults().withCompare(true);
        assertProblem(-1, LabSettings.Field.BATCH_SIZE, s.withData(Dataset.MNIST, "0", "0"));
        assertProblem(-1, LabSettings.Field.BATCH_SIZE, s.withData(Dataset.MNIST, "many", "0"));
        assertProblem(-1, LabSettings.Field.SEED, s.withData(Dataset.MNIST, "256", "1.5"));
        assertProblem(0, LabSettings.Field.LEARNING_RATE, s.withA(FlowSettings.classic().withOptimizer(OptimizerKind.SGD, "fast")));
        assertProblem(1, LabSettings.Field.LEARNING_RATE, s.withB(FlowSettings.classic().withOptimizer(OptimizerKind.ADAM, "-1")));
        assertProblem(1, LabSettings.Field.CLIP_THRESHOLD, s.withB(FlowSettings.classic().withClip(Clipping.Mode.NORM, "0")));
    }

    @Test
    void aThresholdCountsOnlyWhenClipping() {
        LabSettings s = LabSettings.defaults().withA(FlowSettings.classic().withClip(Clipping.Mode.NONE, "nonsense"));
        assertTrue(s.parse().ok());
        GradientFlow.Config c = LabSettings.defaults().withA(FlowSettings.classic().withClip(Clipping.Mode.VALUE, "0.5")).parse()
                .configs().get(0);
        assertEquals(new Clipping.ByValue(0.5), c.clipping());
    }

    @Test
    void bOnlyCountsWhenComparing() {
        LabSettings s = LabSettings.defaults().withB(FlowSettings.classic().withOptimizer(OptimizerKind.SGD, "fast"));
        assertTrue(s.parse().ok());
        assertFalse(s.withCompare(true).parse().ok());
    }

    @Test
    void numbersAreWrittenAsAPersonTypesThem() {
        assertEquals("0.001", FlowSettings.number(0.001));
        assertEquals("5", FlowSettings.number(5.0));
    }

    private static void assertProblem(int run, LabSettings.Field field, LabSettings s) {
        LabSettings.Parsed p = s.parse();
        assertNull(p.configs());
        assertEquals(run, p.problem().run(), p.problem().key());
        assertEquals(field, p.problem().field());
        assertTrue(p.problem().key().startsWith("gradflow.error."));
    }
}
