/**
 * The labs' back ends, above {@code nn} and {@code data}: the 2-D playground ({@link org.backproplab.labs.Playground})
 * and the gradient-flow lab ({@link org.backproplab.labs.GradientFlow}); the loss-landscape lab comes here too. Each
 * trains with the one {@link org.backproplab.nn.TrainingStep} and draws its batches from
 * {@link org.backproplab.sampling.MiniBatches}, keeping only what is its own (the playground's features, penalty and
 * boundary; the lab's per-layer measurements). No JavaFX: the views in {@code ui} watch these.
 */
package org.backproplab.labs;
