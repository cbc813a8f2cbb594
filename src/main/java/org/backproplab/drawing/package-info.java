/**
 * The drawing of the step-through graph, without JavaFX: the left-to-right layout of its cards and edges
 * ({@link org.backproplab.drawing.GraphLayout}, by ELK's layered algorithm, or for a big graph by the project's own
 * simpler one, {@link org.backproplab.drawing.LayeredLayout}), how big each card is from its node's shape
 * ({@link org.backproplab.drawing.CardSize}), the colours of numbers on cards and edges
 * ({@link org.backproplab.drawing.CardColours}), and the graph as a standalone SVG file
 * ({@link org.backproplab.drawing.GraphSvg}). The view ({@code ui.graph}) and the SVG export share it, so both draw the
 * same picture. It draws what the stepper holds ({@link org.backproplab.stepper.StepGraph}, a
 * {@link org.backproplab.stepper.Frame}); the stepper knows nothing of it.
 * May use engine and stepper; never JavaFX, ui or cli.
 */
package org.backproplab.drawing;
