/**
 * Code export: the app's settings written as programs for other frameworks, so that a learner can run the same
 * network elsewhere ("Show as code": {@link org.backproplab.codegen.FrameworkCode}, tf.keras and PyTorch).
 */
package org.backproplab.codegen;
