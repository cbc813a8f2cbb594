package org.backproplab.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import org.backproplab.files.FileSystemErrors;

/**
 * Shows an uncaught exception in a dialog instead of letting the app die silently or freeze with a half-done
 * action: the message up front, the stack trace folded away for a bug report. The exception is also logged.
 * Only one error dialog is open at a time; errors while it is open are logged only, so a failure that
 * repeats on every frame cannot bury the screen in dialogs.
 */
public final class ErrorDialog {

    static final String ID = "error-dialog";
    private static final System.Logger LOG = System.getLogger(ErrorDialog.class.getName());
    private static boolean showing;

    private ErrorDialog() {
    }

    /** Makes every thread's uncaught exceptions, the JavaFX thread's included, end in this dialog. */
    public static void installAsDefaultHandler(Supplier<ResourceBundle> messages) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> report(thread, error, messages.get()));
    }

    /** Logs the error and shows it, on the JavaFX thread whichever thread it came from. */
    public static void report(Thread thread, Throwable error, ResourceBundle messages) {
        LOG.log(System.Logger.Level.ERROR, "uncaught exception in thread " + thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            show(error, messages);
        } else {
            Platform.runLater(() -> show(error, messages));
        }
    }

    /**
     * Why, in words: a file system error's file and reason (its own message is often the bare path), else the
     * exception's message.
     */
    public static String reason(Throwable e) {
        if (e instanceof FileSystemException f) {
            String what = FileSystemErrors.reason(f);
            return f.getFile() == null ? what : f.getFile() + ": " + what;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * A failure the user can act on, not a bug (a file that cannot be opened or saved): a header saying what did not
     * happen and the message saying why, with no stack trace, in the window's theme. Shown without waiting.
     */
    public static void problem(Window owner, ResourceBundle messages, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        DialogButtons.inLanguage(alert.getDialogPane(), messages);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(messages.getString("error.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId(ID);
        Appearance.styleLike(alert.getDialogPane(), owner);
        alert.show();
    }

    private static void show(Throwable error, ResourceBundle messages) {
        if (showing) {
            return;
        }
        showing = true;
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
            DialogButtons.inLanguage(alert.getDialogPane(), messages);
            alert.setTitle(messages.getString("error.title"));
            alert.setHeaderText(messages.getString("error.header"));
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            alert.setContentText(MessageFormat.format(messages.getString("error.content"), message));
            TextArea trace = new TextArea(stackTrace(error));
            trace.setEditable(false);
            trace.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(trace);
            alert.getDialogPane().setId(ID);
            alert.setOnHidden(e -> showing = false);
            Carets.stopWhenClosed(alert);
            // show(), not showAndWait(): the error may come from a layout or animation pulse, where waiting is not allowed.
            alert.show();
        } catch (RuntimeException e) {
            showing = false;
            LOG.log(System.Logger.Level.ERROR, "could not show the error dialog", e);
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
