/**
 * The Playground tab: train small networks on 2-D toy data and watch the decision boundary, as in the browser
 * playground, and open any weight's chain rule in the step-through view.
 * {@link org.backproplab.ui.playground.PlaygroundTabModel} holds the tab's state and commands (JavaFX properties, no
 * nodes); {@code playground-tab.fxml} with its thin {@link org.backproplab.ui.playground.PlaygroundTabController} and
 * drawing nodes (the boundary, the network diagram, and ui's loss chart) show it. The logic under them is plain Java,
 * tested without JavaFX: the settings ({@link org.backproplab.ui.playground.PlaygroundSettings}), the split points
 * ({@link org.backproplab.ui.playground.PlaygroundData}), the training thread and its frames
 * ({@link org.backproplab.ui.playground.PlaygroundRun}), the copy of the network with every neuron's output
 * ({@link org.backproplab.ui.playground.NetworkSnapshot}), the colours ({@link org.backproplab.ui.playground.HeatMaps})
 * and the Explain lesson ({@link org.backproplab.ui.playground.ExplainLesson}).
 */
package org.backproplab.ui.playground;
