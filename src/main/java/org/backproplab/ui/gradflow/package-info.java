/**
 * The gradient-flow lab: a deep MLP trained step by step while every layer is measured, to see gradients vanish and
 * explode and what cures them, one configuration or two side by side. The logic is plain Java, tested without
 * JavaFX: the form ({@link org.backproplab.ui.gradflow.LabSettings}, {@link org.backproplab.ui.gradflow.FlowSettings},
 * the ready-made comparisons {@link org.backproplab.ui.gradflow.ComparePreset}), the data
 * ({@link org.backproplab.ui.gradflow.LabData}), the background run ({@link org.backproplab.ui.gradflow.LabRun}) and
 * its history ({@link org.backproplab.ui.gradflow.RunHistory}: {@link org.backproplab.ui.gradflow.Series} that keep a
 * fixed number of points, the layer × step {@link org.backproplab.ui.gradflow.HeatMap}), the axes two runs share
 * ({@link org.backproplab.ui.gradflow.SharedAxes}, {@link org.backproplab.ui.gradflow.LogScale}), activation
 * {@link org.backproplab.ui.gradflow.Histogram}s, the colours ({@link org.backproplab.ui.gradflow.HeatColors}) and
 * "Open in step-through" ({@link org.backproplab.ui.gradflow.StepThrough}).
 */
package org.backproplab.ui.gradflow;
