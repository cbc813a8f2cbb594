/**
 * The labs' back ends, above {@code nn} and {@code data}: the 2-D playground ({@link org.backproplab.labs.Playground})
 * the gradient-flow lab ({@link org.backproplab.labs.GradientFlow}) and the loss-landscape lab: its surfaces
 * ({@link org.backproplab.labs.Surface}, {@link org.backproplab.labs.Landscape}), paths taken one update at a time
 * ({@link org.backproplab.labs.Walk}, Newton's method in {@link org.backproplab.labs.NewtonStep}) and whole grids at
 * once ({@link org.backproplab.labs.LandscapeGrid}: contour values, basin maps, the momentum sweep). Each
 * trains with the one {@link org.backproplab.nn.TrainingStep} and draws its batches from
 * {@link org.backproplab.sampling.MiniBatches}, keeping only what is its own (the playground's features, penalty and
 * boundary; the lab's per-layer measurements). No JavaFX: the views in {@code ui} watch these.
 */
package org.backproplab.labs;
