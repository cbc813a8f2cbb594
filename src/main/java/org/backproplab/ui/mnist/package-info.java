/**
 * The MNIST tab: train an MLP on the real digits and watch it learn. {@link org.backproplab.ui.mnist.MnistTabModel}
 * holds the tab's state and commands (JavaFX properties, no nodes); {@code mnist-tab.fxml} with its thin
 * {@link org.backproplab.ui.mnist.MnistTabController} and a few small drawing nodes show it. The logic under them
 * is plain Java, tested without JavaFX: {@link org.backproplab.ui.mnist.Preset}s and the settings form
 * ({@link org.backproplab.ui.mnist.Settings}), the background run ({@link org.backproplab.ui.mnist.TrainingRun})
 * with its smoothed loss curve ({@link org.backproplab.ui.mnist.LossCurve}) and weight copies
 * ({@link org.backproplab.ui.mnist.WeightsSnapshot}), the inference side ({@link org.backproplab.ui.mnist.Inspector}:
 * predictions, first-layer weights, ∂loss/∂input), the drawing pad's ink and its MNIST-style downsampling
 * ({@link org.backproplab.ui.mnist.Sketch}), the confusion matrix ({@link org.backproplab.ui.mnist.ConfusionMatrix})
 * and the colour maps ({@link org.backproplab.ui.mnist.ColorMap}). Save model and Open model use nn's model files
 * ({@code ModelFiles} off the JavaFX thread, {@code ModelFileCommands}
 * for the choosers and the dialogs).
 */
package org.backproplab.ui.mnist;
