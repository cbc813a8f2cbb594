/**
 * The loss-landscape tab: a surface f(x, y) as a contour map and a 3-D view, optimizers racing on it from one start
 * with their arrows and written updates, basin maps for GD and momentum, and Distill's momentum sweep. The state is
 * {@link org.backproplab.ui.landscape.LandscapeTabModel} (no JavaFX); every number comes from the lab's back end in
 * {@code org.backproplab.labs}.
 */
package org.backproplab.ui.landscape;
