/**
 * The entry point ({@link org.backproplab.Main}), which hands over to the desktop app or to the command line,
 * and {@link org.backproplab.AppInfo}, the name and version that both show. Everything else lives in the
 * subpackages: {@code engine} (autodiff), {@code cli} (headless commands, the only place that prints or
 * exits) and {@code ui} (JavaFX).
 */
package org.backproplab;
