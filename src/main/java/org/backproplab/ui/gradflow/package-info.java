/**
 * The gradient-flow lab (the "Gradient flow" tab): a deep MLP trained step by step while every layer is measured, to
 * see gradients vanish and explode and what cures them, one configuration or two side by side on the same axes.
 * {@link org.backproplab.ui.gradflow.GradFlowTabModel} holds the tab's state and commands (JavaFX properties, no
 * nodes) with its form ({@link org.backproplab.ui.gradflow.LabForm}); {@code gradflow-tab.fxml} with its thin
 * {@link org.backproplab.ui.gradflow.GradFlowTabController}, one {@link org.backproplab.ui.gradflow.RunColumn} per
 * configuration and a few drawing nodes ({@link org.backproplab.ui.gradflow.LayerBars},
 * {@link org.backproplab.ui.gradflow.HeatMapView}, {@link org.backproplab.ui.gradflow.HistogramStack}) show it.
 * The logic under them is plain Java, tested without JavaFX: the form's values
 * ({@link org.backproplab.ui.gradflow.LabSettings}, {@link org.backproplab.ui.gradflow.FlowSettings}, the ready-made
 * comparisons {@link org.backproplab.ui.gradflow.ComparePreset}, {@link org.backproplab.ui.gradflow.Pace}), the data
 * ({@link org.backproplab.ui.gradflow.LabData}), the background run ({@link org.backproplab.ui.gradflow.LabRun}) and
 * its history ({@link org.backproplab.ui.gradflow.RunHistory}: {@link org.backproplab.ui.gradflow.Series} that keep a
 * fixed number of points, the layer × step {@link org.backproplab.ui.gradflow.HeatMap}), the axes two runs share
 * ({@link org.backproplab.ui.gradflow.SharedAxes}, {@link org.backproplab.ui.gradflow.LogScale}), activation
 * {@link org.backproplab.ui.gradflow.Histogram}s, the colours ({@link org.backproplab.ui.gradflow.HeatColors}) and
 * "Open in step-through" ({@link org.backproplab.ui.gradflow.StepThrough}).
 */
package org.backproplab.ui.gradflow;
