package org.backproplab;

import org.backproplab.cli.BackpropLabCommand;
import org.backproplab.cli.VectorRelaunch;
import org.backproplab.ui.BackpropLabApp;

/**
 * Starts Backprop Lab: with no arguments the desktop app, with arguments the headless command line
 * ({@code backprop-lab --help} lists the commands).
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}: a main class that does
 * makes the JVM demand JavaFX on the module path, which a plain {@code java -jar} does not give it. It touches
 * no JavaFX type itself, so the command line runs on a machine without a display. Printing and exiting are
 * left to the {@code cli} package, also when the app cannot start.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        VectorRelaunch.ifNeeded(Main.class.getName(), args);
        if (args.length == 0) {
            try {
                BackpropLabApp.launchApp(args);
            } catch (RuntimeException e) {
                BackpropLabCommand.exitAfterAppFailure(e);
            }
        } else {
            BackpropLabCommand.runAndExit(args);
        }
    }
}
