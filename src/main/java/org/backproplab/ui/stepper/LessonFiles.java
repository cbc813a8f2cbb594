package org.backproplab.ui.stepper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;

import org.backproplab.lesson.LessonFile;
import org.backproplab.stepper.ShippedLessons;

/**
 * Lesson files: dropping them on the view (the first lesson among the files dropped opens), the Open dialog, reading
 * one as UTF-8, and the reference the next start reopens a lesson by.
 */
final class LessonFiles {

    private LessonFiles() {
    }

    static boolean isLesson(File file) {
        return file.getName().toLowerCase(Locale.ROOT).endsWith(".bp") && !file.isDirectory();
    }

    /** The first lesson among dropped files, if any. */
    static Optional<File> firstLesson(List<File> files) {
        return files.stream().filter(LessonFiles::isLesson).findFirst();
    }

    /** Takes lesson files dropped on {@code target}, unless {@code busy} says no; the first goes to {@code open}. */
    static void acceptDrops(Node target, BooleanSupplier busy, Consumer<Path> open) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && firstLesson(e.getDragboard().getFiles()).isPresent()
                    && !busy.getAsBoolean()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            var file = firstLesson(e.getDragboard().getFiles());
            file.ifPresent(f -> open.accept(f.toPath()));
            e.setDropCompleted(file.isPresent());
            e.consume();
        });
    }

    /** The lesson's text, read as the command line reads it: size-limited, UTF-8, one line on what is wrong. */
    static String read(Path file) throws IOException {
        try {
            return LessonFile.read(file);
        } catch (LessonFile.Unreadable e) {
            throw new IOException(e.why(), e); // the dialog names the file itself
        }
    }

    /** File ▸ Open's dialog: lessons only, starting in the shipped lessons' folder when run from the project. */
    static FileChooser chooser(ResourceBundle messages) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.getString("stepper.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.getString("stepper.open.filter"),
                "*.bp"));
        File lessons = new File("resources/lessons");
        if (lessons.isDirectory()) {
            chooser.setInitialDirectory(lessons);
        }
        return chooser;
    }

    /** A lesson to open again: its name, its text and its file (null for a shipped lesson). */
    record Reopened(String name, String text, Path file) {
    }

    /**
     * What to remember of a lesson, for the next start: a lesson file's absolute path, a shipped lesson's file name
     * ({@code 01_circuit.bp}), or "" for text from elsewhere (an Explain, say).
     */
    static String reference(Path file, String name) {
        if (file != null) {
            return file.toAbsolutePath().toString();
        }
        return ShippedLessons.NAMES.contains(name.replaceFirst("\\.bp$", "")) ? name : "";
    }

    /** The lesson a {@link #reference} names: a shipped lesson, or a file still there and readable; else empty. */
    static Optional<Reopened> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String shipped = reference.replaceFirst("\\.bp$", "");
        if (ShippedLessons.NAMES.contains(shipped)) {
            return Optional.of(new Reopened(shipped + ".bp", ShippedLessons.source(shipped), null));
        }
        try {
            Path file = Path.of(reference);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new Reopened(file.getFileName().toString(), read(file), file));
        } catch (IOException | RuntimeException e) { // gone, unreadable, not a path: start as if new
            return Optional.empty();
        }
    }
}
