package org.backproplab.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.FileChooser;

/**
 * The folder of the last file saved or opened through one kind of file command, where its next chooser starts; and
 * the chooser itself: a title, the kind's filter (and "All files" where a file may have another ending).
 */
final class ChooserFolder {

    private File folder;

    /** A chooser titled {@code title} for {@code *.extension} files, starting in the folder last used. */
    FileChooser chooser(String title, String filter, String extension, String allFiles) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, "*." + extension));
        if (allFiles != null) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(allFiles, "*"));
        }
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    /** The next chooser starts where {@code file} is (if that folder exists). */
    void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        folder = parent != null && Files.isDirectory(parent) ? parent.toFile() : folder;
    }
}
