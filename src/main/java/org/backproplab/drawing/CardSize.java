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
    /** The side of an image's picture on a card: a 28×28 MNIST image (or a unit's 784 weights) drawn 40 px wide. */
    public static final double PICTURE = 40;
    /** The gap between two pictures. */
    public static final double PICTURE_GAP = 4;
    /** The pixels of an MNIST image: a matrix with this many columns (or rows) is a row (or column) of pictures. */
    public static final int IMAGE_PIXELS = 784;
    /** The most pictures a card draws: a batch of up to 16 images, a layer of up to 16 units. */
    public static final int MAX_PICTURES = 16;

    private CardSize() {
    }

    /** True when the card writes the matrix's numbers in a grid, false when it shows a heat map. */
    public static boolean showsNumbers(int rows, int cols) {
        return rows <= NUMBERS_LIMIT && cols <= NUMBERS_LIMIT;
    }

    /**
     * How many 28×28 pictures the card draws instead of a heat map: a row of 784 pixels is an image (x [8×784] is eight
     * digits), a column of 784 weights is what one unit looks for (W1 [784×10] is ten pictures); 0 for other shapes.
     */
    public static int pictures(int rows, int cols) {
        if (cols == IMAGE_PIXELS && rows <= MAX_PICTURES && rows > 1) {
            return rows;
        }
        return rows == IMAGE_PIXELS && cols <= MAX_PICTURES && cols > 1 ? cols : 0;
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
        int pictures = pictures(rows, cols);
        if (pictures > 0) {
            return new GraphLayout.Size(Math.max(SCALAR_WIDTH, pictures * (PICTURE + PICTURE_GAP) + 2 * PADDING),
                    HEADER + 2 * (GRID_LABEL + PICTURE) + 3 * PADDING);
        }
        return new GraphLayout.Size(Math.max(SCALAR_WIDTH, 2 * HEAT_MAP + 3 * PADDING),
                HEADER + GRID_LABEL + HEAT_MAP + 2 * PADDING);
    }
}
