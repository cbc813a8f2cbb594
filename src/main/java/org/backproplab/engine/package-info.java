/**
 * The autodiff engine: {@link org.backproplab.engine.Tensor} (shape, value, the gradient with its lazy zeroing
 * in {@code Gradient}, and the op that made it), the ops with their forward, backward and forward-mode tangent
 * rules side by side, reverse-mode autodiff over the graph ({@link org.backproplab.engine.Graph}), forward-mode
 * autodiff ({@link org.backproplab.engine.ForwardMode}: a forward pass carrying tangents), the events a watched
 * pass reports, and the numeric gradient check. Float32 loops of the hot path live behind
 * {@code engine.kernel}; an op calls them and keeps its rule in one place. Depends on the JDK only, plus the
 * shared worker pool of {@code org.backproplab.concurrent} (through the kernels).
 */
package org.backproplab.engine;
