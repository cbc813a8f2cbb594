package org.backproplab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.application.Platform;
import javafx.stage.FileChooser;

import org.backproplab.course.Course;
import org.backproplab.course.CourseException;
import org.backproplab.course.CourseFile;
import org.backproplab.course.Setup;
import org.backproplab.course.SetupFile;
import org.backproplab.course.ShippedCourse;
import org.backproplab.ui.course.CourseHost;
import org.backproplab.ui.course.CourseModel;
import org.backproplab.ui.course.CoursePanelController;

/**
 * The course and setups from the window's side: File ▸ Open course…, Open setup… and Save setup…, and the
 * {@link CourseHost} the panel's setup buttons and layer exercises use. Files are read and written on a worker
 * thread; a mistake in one shows the error dialog with its line and column and leaves everything as it was.
 */
final class CourseActions implements CourseHost {

    private final MainWindow window;
    private final CourseModel model;
    private final SetupStates states;
    private final Consumer<Runnable> worker;
    /** Where the next chooser starts: the folder of the last course or setup opened or saved. */
    private final ChooserFolder folder = new ChooserFolder();

    CourseActions(MainWindow window, CourseModel model, Consumer<Runnable> worker) {
        this.window = window;
        this.model = model;
        this.states = new SetupStates(window);
        this.worker = worker;
    }

    // ---- the panel's host ----

    @Override
    public String apply(Setup setup) {
        String problem;
        try {
            String key = states.apply(setup);
            problem = key == null ? null : text(key);
        } catch (RuntimeException e) {
            problem = ErrorDialog.reason(e);
        }
        window.showStatus(problem != null ? problem
                : MessageFormat.format(text("course.setup.done"), text(CoursePanelController.tabKey(setup.tab()))));
        return problem;
    }

    @Override
    public int smallestGradientLayer() {
        return window.gradflow().smallestGradientLayer();
    }

    @Override
    public void onLayerPicked(IntConsumer picked) {
        window.gradflow().setOnLayerPicked(picked);
    }

    // ---- courses ----

    /** The course the preferences name, else the shipped one; a course file gone or broken gives the shipped. */
    void openRemembered(String path) {
        if (model.course() != null) {
            return;
        }
        if (!path.isBlank()) {
            try {
                model.open(CourseFile.read(Path.of(path)));
                return;
            } catch (CourseException | RuntimeException e) {
                window.showStatus(MessageFormat.format(text("course.open.remembered"), e.getMessage()));
            }
        }
        model.open(ShippedCourse.load());
    }

    /** File ▸ Open course…: asks which, then opens it in the panel. */
    void openCourse() {
        FileChooser chooser = chooser("course.open.title", "course.filter", CourseFile.EXTENSION);
        File file = chooser.showOpenDialog(window.stage());
        if (file != null) {
            openCourse(file.toPath());
        }
    }

    /** Opens a course file in the panel (and shows it); the future ends once it is open (or not). */
    CompletableFuture<Void> openCourse(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.accept(() -> {
            try {
                Course course = CourseFile.read(file);
                Platform.runLater(() -> {
                    remember(file);
                    model.open(course);
                    window.rememberCourse(file.toAbsolutePath().toString());
                    window.setCoursePanelShown(true);
                    window.showStatus(MessageFormat.format(text("course.opened"), file.getFileName()));
                    done.complete(null);
                });
            } catch (CourseException | RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    fail(text("course.open.failed"), ErrorDialog.reason(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Back to the shipped course (View ▸ Course panel's "the primer"). */
    void openShipped() {
        model.open(ShippedCourse.load());
        window.rememberCourse("");
    }

    // ---- setups ----

    /** File ▸ Save setup…: the tab in view as a setup file. */
    void saveSetup() {
        Setup setup;
        try {
            setup = states.capture(window.selectedTab());
        } catch (SetupStates.NotASetup e) {
            fail(text("setup.save.failed"), text(e.key));
            return;
        }
        FileChooser chooser = chooser("setup.save.title", "setup.filter", SetupFile.EXTENSION);
        chooser.setInitialFileName(setup.tab() + "." + SetupFile.EXTENSION);
        File file = chooser.showSaveDialog(window.stage());
        Path target = file == null ? null
                : SaveTarget.withExtension(window.stage(), window.messages(), file.toPath(), SetupFile.EXTENSION);
        if (target != null) {
            saveSetup(target, setup);
        }
    }

    /** The tab in view as a setup, or the reason it cannot be one (for tests and the menu). */
    Setup captureSetup() throws SetupStates.NotASetup {
        return states.capture(window.selectedTab());
    }

    CompletableFuture<Void> saveSetup(Path file, Setup setup) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.accept(() -> {
            try {
                SetupFile.write(file, setup);
                Platform.runLater(() -> {
                    remember(file);
                    window.showStatus(MessageFormat.format(text("setup.saved"), file.getFileName()));
                    done.complete(null);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    fail(MessageFormat.format(text("setup.save.failed.file"), file.getFileName()),
                            ErrorDialog.reason(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** File ▸ Open setup…: asks which, then puts its tab into its state. */
    void openSetup() {
        FileChooser chooser = chooser("setup.open.title", "setup.filter", SetupFile.EXTENSION);
        File file = chooser.showOpenDialog(window.stage());
        if (file != null) {
            openSetup(file.toPath());
        }
    }

    CompletableFuture<Void> openSetup(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.accept(() -> {
            try {
                Setup setup = SetupFile.read(file);
                Platform.runLater(() -> {
                    remember(file);
                    String problem = apply(setup);
                    if (problem != null) {
                        fail(text("setup.open.failed"), problem);
                    }
                    done.complete(null);
                });
            } catch (CourseException | RuntimeException e) {
                Platform.runLater(() -> {
                    fail(text("setup.open.failed"), ErrorDialog.reason(e));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private FileChooser chooser(String titleKey, String filterKey, String extension) {
        return folder.chooser(text(titleKey), text(filterKey), extension, text("session.filter.all"));
    }

    private void remember(Path file) {
        folder.remember(file);
    }

    private void fail(String header, String message) {
        ErrorDialog.problem(window.stage(), window.messages(), header, message);
    }

    private String text(String key) {
        return window.messages().getString(key);
    }
}
