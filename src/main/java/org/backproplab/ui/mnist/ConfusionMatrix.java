package org.backproplab.ui.mnist;

import java.util.ArrayList;
import java.util.List;

import org.backproplab.files.CsvTable;

/**
 * A confusion matrix (rows: the true digit, columns: the predicted one) with what a heat map of it needs: totals,
 * accuracy, the share of each true digit that went to each prediction, and the worst mix-up.
 */
public final class ConfusionMatrix {

    /** A mix-up: how many images of {@code truth} were taken for {@code predicted}. */
    public record Confusion(int truth, int predicted, int count) {
    }

    private final int[][] counts;
    private final int[] rowTotals;
    private final int total;
    private final int correct;

    public ConfusionMatrix(int[][] counts) {
        int n = counts.length;
        this.counts = new int[n][];
        this.rowTotals = new int[n];
        int sum = 0;
        int diagonal = 0;
        for (int r = 0; r < n; r++) {
            if (counts[r].length != n) {
                throw new IllegalArgumentException("a confusion matrix is square; row " + r + " has " + counts[r].length
                        + " columns, not " + n);
            }
            this.counts[r] = counts[r].clone();
            for (int c = 0; c < n; c++) {
                rowTotals[r] += counts[r][c];
            }
            sum += rowTotals[r];
            diagonal += counts[r][r];
        }
        this.total = sum;
        this.correct = diagonal;
    }

    public int classes() {
        return counts.length;
    }

    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** The share of the images of {@code truth} predicted as {@code predicted}: a row sums to 1. */
    public double rate(int truth, int predicted) {
        return rowTotals[truth] == 0 ? 0 : (double) counts[truth][predicted] / rowTotals[truth];
    }

    /** The share of the images of {@code digit} recognised as it (its recall). */
    public double recall(int digit) {
        return rate(digit, digit);
    }

    /** The largest off-diagonal cell, or null when nothing is confused. */
    public Confusion worst() {
        Confusion worst = null;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts.length; c++) {
                if (r != c && counts[r][c] > 0 && (worst == null || counts[r][c] > worst.count())) {
                    worst = new Confusion(r, c, counts[r][c]);
                }
            }
        }
        return worst;
    }

    /**
     * How strongly to colour a cell, in [0, 1]: its rate, with off-diagonal cells brightened (square root) so
     * that the few percent of mistakes show next to the diagonal's ninety-odd.
     */
    public double intensity(int truth, int predicted) {
        double rate = rate(truth, predicted);
        return truth == predicted ? rate : Math.min(1, Math.sqrt(rate) * 1.5);
    }

    /**
     * A matrix's counts as a table: one row per true digit, one column per predicted digit. A null matrix (none
     * yet) of {@code classes} classes gives the header only.
     */
    public static CsvTable table(ConfusionMatrix m, int classes) {
        List<String> columns = new ArrayList<>(List.of("true_digit"));
        for (int c = 0; c < (m == null ? classes : m.counts.length); c++) {
            columns.add("predicted_" + c);
        }
        CsvTable t = new CsvTable(columns);
        int[][] counts = m == null ? new int[0][] : m.counts;
        for (int r = 0; r < counts.length; r++) {
            Object[] row = new Object[counts.length + 1];
            row[0] = r;
            for (int c = 0; c < counts.length; c++) {
                row[c + 1] = counts[r][c];
            }
            t.add(row);
        }
        return t;
    }
}
