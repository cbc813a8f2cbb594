package org.backproplab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.stage.FileChooser;

import org.backproplab.lesson.LessonException;
import org.backproplab.stepper.Session;
import org.backproplab.stepper.SessionFile;
import org.backproplab.stepper.SessionFileException;

/**
 * File ▸ Save session… and Open session…: the step-through view's session to and from a {@code .bpsession} file
 * ({@link SessionFile}). The choosers are a thin layer over {@link #save(Path)} and {@link #open(Path)}, which the
 * tests call with a path. The file is written and read on a worker thread, the view model is read and changed on
 * the JavaFX thread only; a failure shows the error dialog with the reason and leaves the view as it was.
 */
final class SessionActions {

    private final MainWindow window;
    private final Consumer<Runnable> worker;
    /** Where the next chooser starts: the folder of the last session saved or opened. */
    private final ChooserFolder folder = new ChooserFolder();

    SessionActions(MainWindow window, Consumer<Runnable> worker) {
        this.window = window;
        this.worker = worker;
    }

    /** File ▸ Save session… (Ctrl+S): asks where, then saves. */
    void save() {
        if (window.stepper().runningProperty().get() || window.stepper().stepper() == null) {
            return;
        }
        FileChooser chooser = chooser("session.save.title");
        String lesson = window.stepper().lessonNameProperty().get().replaceFirst("\\.bp$", "");
        chooser.setInitialFileName((lesson.isBlank() ? "session" : lesson) + "." + SessionFile.EXTENSION);
        File file = chooser.showSaveDialog(window.stage());
        Path target = file == null ? null
                : SaveTarget.withExtension(window.stage(), window.messages(), file.toPath(), SessionFile.EXTENSION);
        if (target != null) {
            save(target);
        }
    }

    /** File ▸ Open session… (Ctrl+Shift+O): asks which, then opens it. */
    void open() {
        if (window.stepper().runningProperty().get()) {
            return;
        }
        FileChooser chooser = chooser("session.open.title");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("session.filter.all"), "*"));
        File file = chooser.showOpenDialog(window.stage());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Saves the session as it stands now; the future ends once the file is written (or not). */
    CompletableFuture<Void> save(Path file) {
        Session session = window.stepper().session(); // taken here, on the JavaFX thread, which owns the stepper
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.accept(() -> {
            try {
                SessionFile.write(file, session);
                Platform.runLater(() -> {
                    remember(file);
                    window.showStatus(MessageFormat.format(text("session.saved"), file.getFileName()));
                    done.complete(null);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    fail(MessageFormat.format(text("session.save.failed"), file.getFileName()), ErrorDialog.reason(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Opens a session in the step-through view and shows that tab; the future ends once it is open (or not). */
    CompletableFuture<Void> open(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.accept(() -> {
            try {
                Session session = SessionFile.read(file);
                Platform.runLater(() -> show(file, session, done));
            } catch (SessionFileException | RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    fail(text("session.open.failed"), ErrorDialog.reason(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private void show(Path file, Session session, CompletableFuture<Void> done) {
        try {
            if (window.stepper().runningProperty().get()) { // a run began while the file was read
                throw new IllegalStateException(text("session.open.busy"));
            }
            window.stepper().restore(session);
        } catch (LessonException | RuntimeException e) {
            fail(text("session.open.failed"), ErrorDialog.reason(e));
            done.completeExceptionally(e);
            return;
        }
        remember(file);
        window.showTab(MainWindow.STEPPER_TAB);
        window.showStatus(MessageFormat.format(text("session.opened"), file.getFileName()));
        done.complete(null);
    }

    private FileChooser chooser(String titleKey) {
        return folder.chooser(text(titleKey), text("session.filter"), SessionFile.EXTENSION, null);
    }

    private void remember(Path file) {
        folder.remember(file);
    }

    private void fail(String header, String message) {
        ErrorDialog.problem(window.stage(), window.messages(), header, message);
    }

    private String text(String key) {
        ResourceBundle messages = window.messages();
        return messages.getString(key);
    }

}
