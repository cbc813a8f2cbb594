/**
 * The labs' back ends, above {@code nn} and {@code data}: the 2-D playground ({@link org.backproplab.labs.Playground})
 * the gradient-flow lab ({@link org.backproplab.labs.GradientFlow}) and the loss-landscape lab's surfaces and optimizer
 * paths ({@link org.backproplab.labs.Landscape}). Each
 * trains with the one {@link org.backproplab.nn.TrainingStep} and draws its batches from
 * {@link org.backproplab.sampling.MiniBatches}, keeping only what is its own (the playground's features, penalty and
 * boundary; the lab's per-layer measurements). No JavaFX: the views in {@code ui} watch these.
 */
package org.backproplab.labs;
