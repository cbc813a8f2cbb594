/**
 * The JavaFX desktop app: {@link org.backproplab.ui.BackpropLabApp} (the {@code Application}),
 * the main window (FXML layout, a thin controller, CSS with looked-up colours), dialogs, and the one resource
 * resolver, and what the tabs share: their figures ({@link org.backproplab.ui.Format}), the loading of MNIST beside
 * the window ({@link org.backproplab.ui.BackgroundLoad}), the loss chart of the Playground and the step-through view
 * ({@link org.backproplab.ui.LossChart}) and the charts' export menus; and the window's side of courses and setups
 * (File ▸ Open course, Open setup, Save setup; {@code SetupStates} puts a tab into a setup's state through the tab's own
 * commands and writes the tab in view as one). The only package that may use JavaFX; it may
 * use every other package. Feature views will live in subpackages ({@code ui.graph}, {@code ui.stepper}, …), each a
 * View bound to a JavaFX-free ViewModel.
 * Every string a person reads comes from the bundles {@code resources/org/backproplab/ui/i18n/messages*.properties}.
 */
package org.backproplab.ui;
