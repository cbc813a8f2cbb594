/**
 * Networks and training on top of the engine: layers with parameters (linear, activations, batch
 * normalisation), MLPs from a size list, initialisers, losses, optimizers ({@link org.backproplab.nn.OptimizerKind}),
 * gradient clipping ({@link org.backproplab.nn.Clipping}), learning-rate schedules, and the one training step that
 * every loop uses ({@link org.backproplab.nn.TrainingStep}: zero, forward, backward, clip, update) with the MNIST
 * {@link org.backproplab.nn.Trainer}. Parameters live here; the math lives in the engine. Settings are typed: each
 * parses its written form and says what it accepts.
 */
package org.backproplab.nn;
