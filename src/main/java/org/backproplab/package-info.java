/**
 * The entry point ({@link org.backproplab.Main}), which hands over to the desktop app or to the command line,
 * and {@link org.backproplab.AppInfo}, the name and version that both show. Everything else lives in the
 * subpackages, from the bottom up: {@code files}, {@code concurrent} and {@code sampling} (JDK-only utilities),
 * {@code engine} (autodiff), {@code nn} (networks and the one training step), {@code data}, {@code lesson},
 * {@code stepper}, {@code drawing}, {@code labs} (the labs' back ends), {@code codegen} (code export), {@code cli}
 * (headless commands, the only place that prints or exits) and {@code ui} (JavaFX). README's Project layout and
 * {@code ArchitectureTest} say what may use what.
 */
package org.backproplab;
