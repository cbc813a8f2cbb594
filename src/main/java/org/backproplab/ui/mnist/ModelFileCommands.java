package org.backproplab.ui.mnist;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.backproplab.ui.ErrorDialog;
import org.backproplab.ui.SaveTarget;

/**
 * The MNIST tab's Save model… and Open model… buttons: the file choosers, a thin layer over {@link #save(Path)} and
 * {@link #open(Path)} (which the tests call with a path), and what the user is told — a note when it worked, the
 * error dialog with the reason when it did not.
 */
final class ModelFileCommands {

    static final String EXTENSION = org.backproplab.nn.ModelFile.EXTENSION;

    private final MnistTabModel model;
    private final ResourceBundle resources;
    private final Supplier<Window> owner;
    private final Consumer<String> note;
    /** The folder of the last model saved or opened, where the next chooser starts. */
    private File folder;

    /**
     * @param owner the window the dialogs belong to
     * @param note  shows a line of text in the tab ("" to clear it)
     */
    ModelFileCommands(MnistTabModel model, ResourceBundle resources, Supplier<Window> owner, Consumer<String> note) {
        this.model = model;
        this.resources = resources;
        this.owner = owner;
        this.note = note;
    }

    /** Save model… (Alt+D): asks where, then saves. */
    void save() {
        FileChooser chooser = chooser("model.save.title");
        var weights = model.shownWeights();
        String layers = weights == null ? "mnist" : "mnist-" + weights.config().layerList().replace(',', '-');
        chooser.setInitialFileName(layers + "." + EXTENSION);
        File file = chooser.showSaveDialog(owner.get());
        Path target = file == null ? null
                : SaveTarget.withExtension(owner.get(), resources, file.toPath(), EXTENSION);
        if (target != null) {
            save(target);
        }
    }

    /** Open model… (Alt+M): asks which, then opens it. */
    void open() {
        FileChooser chooser = chooser("model.open.title");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("model.filter.all"), "*"));
        File file = chooser.showOpenDialog(owner.get());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Saves the model shown; the future ends after the user has been told how it went. */
    CompletableFuture<Void> save(Path file) {
        return model.saveModel(file).whenComplete((ok, error) -> {
            if (error == null) {
                remember(file);
                note.accept(MessageFormat.format(text("model.saved"), file.getFileName()));
            } else {
                fail(MessageFormat.format(text("model.save.failed"), file.getFileName()), error);
            }
        });
    }

    /** Opens a model into the tab's views; the future ends after the user has been told how it went. */
    CompletableFuture<Void> open(Path file) {
        return model.openModel(file).whenComplete((ok, error) -> {
            if (error == null) {
                remember(file);
                note.accept("");
            } else {
                fail(text("model.open.failed"), error);
            }
        });
    }

    private void fail(String header, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message;
        if (e instanceof ModelFiles.NotMnistException n) {
            message = MessageFormat.format(text("model.open.notMnist"), n.fileName, n.inputs, n.outputs);
        } else {
            message = ErrorDialog.reason(e);
        }
        ErrorDialog.problem(owner.get(), resources, header, message);
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("model.filter"), "*." + EXTENSION));
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        folder = parent == null ? folder : parent.toFile();
    }

    private String text(String key) {
        return resources.getString(key);
    }
}
