/**
 * Drawing a computation graph: {@link org.backproplab.ui.graph.GraphView} (pan, zoom, fit) with a
 * {@link org.backproplab.ui.graph.NodeCard} per node at the positions {@link org.backproplab.drawing.GraphLayout}
 * computed, and the colour scales for gradients in {@link org.backproplab.ui.graph.Palette}.
 */
package org.backproplab.ui.graph;
