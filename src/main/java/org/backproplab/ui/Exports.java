package org.backproplab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.backproplab.files.AtomicFile;
import org.backproplab.files.CsvTable;

/**
 * Saving an export: asks where (a Save dialog, starting where the last export went, with a file name proposed),
 * writes the file whole or not at all ({@link AtomicFile}), then says so in the status bar, or in a dialog what
 * went wrong. Every export of the app (graph, charts, metrics) goes through here.
 */
public final class Exports {

    /** What is exported, with its file extension; the dialog's texts are {@code export.title.<ext>} and so on. */
    public enum Kind {
        PNG, SVG, CSV;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Asks where to save; null when the user cancels. */
    @FunctionalInterface
    public interface Chooser {
        Path choose(Window owner, ResourceBundle messages, Kind kind, String fileName);
    }

    /** Writes the export into a file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    /** Takes what is to be exported from the views (on the JavaFX thread) and returns how to write it. */
    @FunctionalInterface
    public interface Content {
        Writer take();
    }

    /**
     * Writes exports one after another off the JavaFX thread: encoding a large graph as PNG, and forcing it to disk,
     * can take seconds, and the window must not wait for that.
     */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-lab export");
        t.setDaemon(true);
        return t;
    });
    /** The last write started, for tests that read the file it makes. */
    static volatile CompletableFuture<Boolean> lastWrite = CompletableFuture.completedFuture(false);

    static final String FAILED_ID = "export-failed-dialog";
    private static Chooser chooser = Exports::askUser;
    private static File lastFolder;

    private Exports() {
    }

    /**
     * Replaces the Save dialog, for headless tests: a native file dialog cannot be driven by a test robot. The
     * default (null) is the dialog.
     */
    public static void useChooser(Chooser replacement) {
        chooser = replacement == null ? Exports::askUser : replacement;
    }

    /**
     * Asks where, takes the content, and writes it on the export thread; the status bar (or a dialog) says how it
     * went. On the JavaFX thread; true when a file was chosen.
     */
    public static boolean save(Node anchor, ResourceBundle messages, Kind kind, String name, Content content) {
        Window owner = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        Path file = chooser.choose(owner, messages, kind, fileName(name, kind));
        if (file == null) {
            return false;
        }
        file = SaveTarget.withExtension(owner, messages, file, kind.extension());
        if (file == null) {
            return false;
        }
        Path target = file;
        Writer writer = content.take();
        lastFolder = target.toAbsolutePath().getParent().toFile();
        lastWrite = CompletableFuture.supplyAsync(() -> {
            try {
                writer.write(target);
                Platform.runLater(() -> written(anchor, messages, target));
                return true;
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> failed(owner, messages, target, e));
                return false;
            }
        }, WRITER);
        return true;
    }

    private static void written(Node anchor, ResourceBundle messages, Path file) {
        if (anchor.getScene() != null && anchor.getScene().lookup("#statusLabel") instanceof Label status) {
            status.setText(MessageFormat.format(messages.getString("export.done"), file.toAbsolutePath()));
        }
    }

    private static void failed(Window owner, ResourceBundle messages, Path file, Exception e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, MessageFormat.format(messages.getString("export.failed"),
                file.getFileName(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                ButtonType.CLOSE);
        DialogButtons.inLanguage(alert.getDialogPane(), messages);
        alert.initOwner(owner);
        alert.setHeaderText(messages.getString("export.failed.header"));
        alert.getDialogPane().setId(FAILED_ID);
        Appearance.styleLike(alert.getDialogPane(), owner);
        alert.show();
    }

    /** Saves an image, drawn when the user has chosen the file, as PNG. */
    public static boolean png(Node anchor, ResourceBundle messages, String name, Supplier<Image> image) {
        return save(anchor, messages, Kind.PNG, name, () -> {
            Image drawn = image.get(); // a snapshot: taken here, on the JavaFX thread
            return file -> Png.write(drawn, file);
        });
    }

    /** Saves a table as CSV. */
    public static boolean csv(Node anchor, ResourceBundle messages, String name, Supplier<CsvTable> table) {
        return save(anchor, messages, Kind.CSV, name, () -> {
            CsvTable taken = table.get(); // the numbers as the views hold them now
            return taken::write;
        });
    }

    /** Saves text (an SVG drawing) as UTF-8. */
    public static boolean text(Node anchor, ResourceBundle messages, Kind kind, String name, Supplier<String> text) {
        return save(anchor, messages, kind, name, () -> {
            String taken = text.get();
            return file -> AtomicFile.writeString(file, taken);
        });
    }

    /** A file name for an export: what it is called, made safe for every file system, with the extension. */
    static String fileName(String name, Kind kind) {
        String safe = name.replaceAll("\\.bp$", "").replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
        return (safe.isBlank() ? "export" : safe) + "." + kind.extension();
    }

    private static Path askUser(Window owner, ResourceBundle messages, Kind kind, String fileName) {
        FileChooser dialog = new FileChooser();
        String ext = kind.extension();
        dialog.setTitle(messages.getString("export.title." + ext));
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.getString("export.filter." + ext),
                "*." + ext));
        dialog.setInitialFileName(fileName);
        if (lastFolder != null && lastFolder.isDirectory()) {
            dialog.setInitialDirectory(lastFolder);
        }
        File file = dialog.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }
}
