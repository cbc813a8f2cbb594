/**
 * The autodiff engine: {@link org.backproplab.engine.Tensor} (shape, value, gradient and the op that made it),
 * the ops with their forward and backward side by side, reverse-mode autodiff over the graph
 * ({@link org.backproplab.engine.Graph}), the events a watched pass reports, and the numeric gradient check.
 * Depends on the JDK only.
 */
package org.backproplab.engine;
