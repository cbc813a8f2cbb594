package org.backproplab.ui.stepper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import javafx.stage.FileChooser;

/** Lesson files: which of some dropped files is a lesson, the Open dialog, reading one as UTF-8, list titles. */
final class LessonFiles {

    private LessonFiles() {
    }

    /** A shipped lesson as listed: "01_circuit" → "01 · circuit". */
    static String title(String name) {
        int cut = name.indexOf('_');
        return cut < 0 ? name : name.substring(0, cut) + " · " + name.substring(cut + 1).replace('_', ' ');
    }

    static boolean isLesson(File file) {
        return file.getName().toLowerCase(Locale.ROOT).endsWith(".bp") && !file.isDirectory();
    }

    /** The first lesson among dropped files, if any. */
    static Optional<File> firstLesson(List<File> files) {
        return files.stream().filter(LessonFiles::isLesson).findFirst();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
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
