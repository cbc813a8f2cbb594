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

/**
 * Lesson files: dropping them on the view (the first lesson among the files dropped opens), the Open dialog, reading
 * one as UTF-8.
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
}
