package org.backproplab.drawing;

import org.backproplab.stepper.StepGraph;

/**
 * How big a node's card is, from its shape alone, so that the layout (headless) and the view agree without
 * measuring text. A scalar card has rows for name, op, value and gradient; a matrix of at most 4×4 shows two grids
 * of numbers (value, gradient); a bigger one shows two small heat maps side by side.
 */
public final class CardSize {

    public static final double SCALAR_WIDTH = 168;
    public static final double SCALAR_HEIGHT = 108;
    /** Header (name, op) above a matrix card's grids. */
    public static final double HEADER = 46;
    /** The label line above each grid. */
    public static final double GRID_LABEL = 18;
    public static final double CELL_WIDTH = 76;
    public static final double CELL_HEIGHT = 22;
    /** The side of a heat map of a matrix bigger than 4×4. */
    public static final double HEAT_MAP = 80;
    public static final double PADDING = 10;
    /** The most rows and columns whose numbers are written in the grid. */
    public static final int NUMBERS_LIMIT = 4;

    private CardSize() {
    }

    /** True when the card writes the matrix's numbers in a grid, false when it shows a heat map. */
    public static boolean showsNumbers(int rows, int cols) {
        return rows <= NUMBERS_LIMIT && cols <= NUMBERS_LIMIT;
    }

    public static GraphLayout.Size of(StepGraph.Node node) {
        return of(node.rows(), node.cols());
    }

    public static GraphLayout.Size of(int rows, int cols) {
        if (rows == 1 && cols == 1) {
            return new GraphLayout.Size(SCALAR_WIDTH, SCALAR_HEIGHT);
        }
        if (showsNumbers(rows, cols)) {
            double w = Math.max(SCALAR_WIDTH, cols * CELL_WIDTH + 2 * PADDING);
            return new GraphLayout.Size(w, HEADER + 2 * (GRID_LABEL + rows * CELL_HEIGHT) + 2 * PADDING);
        }
        return new GraphLayout.Size(Math.max(SCALAR_WIDTH, 2 * HEAT_MAP + 3 * PADDING),
                HEADER + GRID_LABEL + HEAT_MAP + 2 * PADDING);
    }
}
