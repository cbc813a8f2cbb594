/**
 * Code export: the app's settings written as programs for other frameworks, so that a learner can run the same
 * network elsewhere ("Show as code": {@link org.backproplab.codegen.FrameworkCode}, tf.keras and PyTorch), and which
 * lines of that code are the training step's forward pass, backward pass and update
 * ({@link org.backproplab.codegen.TrainStep}), for the code beside the step-through's graph.
 */
package org.backproplab.codegen;
