package org.backproplab.ui;

import java.nio.file.Path;
import java.util.Locale;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop app: installs the error dialog for uncaught exceptions and opens the main window as the user's
 * {@link Preferences} say; on a first start, in the language of the system's locale (English unless it is
 * Simplified Chinese).
 */
public final class BackpropLabApp extends Application {

    /** Starts JavaFX and the app; returns when the last window closes. Called by {@code org.backproplab.Main}. */
    public static void launchApp(String[] args) {
        Application.launch(BackpropLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Path file = Preferences.defaultFile();
        MainWindow window = new MainWindow(stage,
                Preferences.load(file, Preferences.defaults(Language.of(Locale.getDefault()))), file);
        ErrorDialog.installAsDefaultHandler(window::messages);
        window.show();
    }
}
