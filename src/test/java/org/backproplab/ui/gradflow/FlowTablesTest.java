package org.backproplab.ui.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.files.CsvTable;
import org.backproplab.nn.Activation;
import org.backproplab.labs.GradientFlow;
import org.backproplab.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;

/** The lab's measurements as tables: steps, layers and the heat map, each row naming its configuration. */
class FlowTablesTest {

    private static final GradientFlow.Config CONFIG = new GradientFlow.Config(2, 8, Activation.Kind.TANH,
            Initializer.Scheme.XAVIER_UNIFORM, false, Clipping.parse("none", 0), OptimizerKind.SGD, 0.1, 16, 0);

    private static GradientFlow.StepStats stats(int step, double loss) {
        List<GradientFlow.LayerStats> layers = new ArrayList<>();
        for (int l = 1; l <= 2; l++) {
            layers.add(new GradientFlow.LayerStats(l, 100.0 * l, 1e-3 * l, 0.5, 0.25, l == 2 ? Double.NaN : 0.1,
                    new float[8], l == 2 ? Double.NaN : 0.2, 1.0 / l));
        }
        return new GradientFlow.StepStats(step, loss, layers, 10, 1000, null);
    }

    private static List<RunHistory.Snapshot> twoRuns() {
        RunHistory a = new RunHistory(CONFIG);
        RunHistory b = new RunHistory(CONFIG);
        a.record(stats(0, 2.5), true);
        a.record(stats(1, 2.0), false);
        b.record(stats(0, 3.0), true);
        return List.of(a.snapshot(), b.snapshot());
    }

    @Test
    void stepsOfBothConfigurationsOrOfOne() {
        CsvTable all = FlowTables.steps(twoRuns(), FlowTables.ALL);
        assertEquals(List.of("run", "step", "loss", "log10_grad_norm_before_clip", "log10_grad_norm_after_clip"),
                all.columns());
        assertEquals(3, all.rowCount());
        assertEquals(List.of("A", "1", "2.0", "1.0", "3.0"), all.row(1));
        assertEquals(List.of("B", "0", "3.0", "1.0", "3.0"), all.row(2));
        assertEquals(1, FlowTables.steps(twoRuns(), 1).rowCount());
    }

    @Test
    void layersAtTheLatestStepFromTheInputSide() {
        CsvTable t = FlowTables.layers(twoRuns(), 0);
        assertEquals(2, t.rowCount());
        assertEquals(List.of("A", "1", "2", "200.0", "0.002", "0.5", "0.25", "NaN", "NaN", "0.5"), t.row(1));
    }

    @Test
    void theHeatMapHasACellPerLayerAndColumn() {
        CsvTable t = FlowTables.heat(twoRuns(), FlowTables.ALL);
        assertEquals(2 * 2 + 2, t.rowCount(), "A: 2 columns × 2 layers; B: 1 × 2");
        assertEquals(List.of("A", "0", "2", Double.toString(Math.log10(200))), t.row(1));
    }
}
