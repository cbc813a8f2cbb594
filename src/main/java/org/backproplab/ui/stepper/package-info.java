/**
 * The step-through view: {@code stepper-view.fxml} with its thin {@link org.backproplab.ui.stepper.StepperController},
 * bound to {@link org.backproplab.ui.stepper.StepperViewModel}, which wraps the headless
 * {@link org.backproplab.stepper.Stepper}. Also the lesson editor, the training panel (with ui's
 * loss chart, which follows the loss or, in a lesson without one, the output) and the inspector's content.
 */
package org.backproplab.ui.stepper;
