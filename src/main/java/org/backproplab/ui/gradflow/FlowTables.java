package org.backproplab.ui.gradflow;

import java.util.List;

import org.backproplab.files.CsvTable;
import org.backproplab.labs.GradientFlow;

/**
 * What the gradient-flow lab measured, as tables for a spreadsheet, each row naming its configuration (A or B):
 * the curves over the steps (loss, global gradient norm before and after clipping), every layer's figures at the
 * latest step, and the heat map of every layer's gradient norm over the steps. A curve keeps at most
 * {@link RunHistory#CAPACITY} points, so on a long run a row stands for several steps (their mean, at the last one);
 * norms are written as the charts draw them, as log10 (−Infinity for a zero norm, NaN for an overflow).
 */
final class FlowTables {

    /** Every configuration, not just one. */
    static final int ALL = -1;

    private FlowTables() {
    }

    /** Loss and global gradient norms over the steps: for File ▸ Export ▸ Metrics and the line charts. */
    static CsvTable steps(List<RunHistory.Snapshot> runs, int only) {
        CsvTable t = CsvTable.of("run", "step", "loss", "log10_grad_norm_before_clip", "log10_grad_norm_after_clip");
        for (int i = 0; i < runs.size(); i++) {
            if (only != ALL && only != i) {
                continue;
            }
            RunHistory.Snapshot r = runs.get(i);
            // the three curves take a point at the same steps, so their points line up
            for (int p = 0; p < r.loss().size(); p++) {
                t.add(letter(i), r.loss().step(p), r.loss().value(p), r.normBefore().value(p), r.normAfter().value(p));
            }
        }
        return t;
    }

    /** Each layer at the latest step (from 1, the input side): for the bar charts and the histograms. */
    static CsvTable layers(List<RunHistory.Snapshot> runs, int only) {
        CsvTable t = CsvTable.of("run", "step", "layer", "weight_grad_norm", "update_ratio", "activation_mean",
                "activation_std", "saturated_fraction", "mean_local_derivative", "output_grad_norm");
        for (int i = 0; i < runs.size(); i++) {
            RunHistory.Snapshot r = runs.get(i);
            if (only != ALL && only != i || r.latest() == null) {
                continue;
            }
            for (GradientFlow.LayerStats l : r.latest().layers()) {
                t.add(letter(i), r.latest().step(), l.index(), l.weightGradNorm(), l.updateRatio(),
                        l.activationMean(), l.activationStd(), l.saturatedFraction(), l.meanLocalDerivative(),
                        l.outputGradNorm());
            }
        }
        return t;
    }

    /** The heat map: log10 of each layer's gradient norm at each of its columns' steps. */
    static CsvTable heat(List<RunHistory.Snapshot> runs, int only) {
        CsvTable t = CsvTable.of("run", "step", "layer", "log10_weight_grad_norm");
        for (int i = 0; i < runs.size(); i++) {
            if (only != ALL && only != i) {
                continue;
            }
            HeatMap h = runs.get(i).heat();
            for (int c = 0; c < h.columns(); c++) {
                for (int l = 0; l < h.layers(); l++) {
                    t.add(letter(i), h.step(c), l + 1, h.exponent(c, l));
                }
            }
        }
        return t;
    }

    private static String letter(int run) {
        return run == 0 ? "A" : "B";
    }
}
