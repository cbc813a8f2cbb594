package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered preferences without a screen: round trip, defaults, bad values, atomic writes, the file's place. */
class PreferencesTest {

    @TempDir
    Path dir;

    @Test
    void aSavedFileReadsBackTheSame() throws IOException {
        Preferences p = Preferences.defaults(Language.ENGLISH).withSize(1440, 900, true).withTheme(Theme.DARK)
                .withLanguage(Language.SIMPLIFIED_CHINESE).withZoom(1.75).withLesson("/home/t/lessons/mine.bp");
        Path file = dir.resolve("sub").resolve("preferences.properties");
        p.save(file);
        assertEquals(p, Preferences.load(file, Preferences.defaults(Language.ENGLISH)));
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        Preferences defaults = Preferences.defaults(Language.SIMPLIFIED_CHINESE);
        assertEquals(defaults, Preferences.load(dir.resolve("none.properties"), defaults));
        assertEquals(1280, defaults.width());
        assertEquals(Theme.LIGHT, defaults.theme());
        assertEquals(1.0, defaults.zoom());
    }

    @Test
    void malformedValuesFallBackOneByOne() throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "window.width=wide\nwindow.height=700\ntheme=PINK\nlanguage=SIMPLIFIED_CHINESE\n"
                + "zoom=9\nlesson=02_sigmoid_neuron.bp\n", StandardCharsets.UTF_8);
        Preferences p = Preferences.load(file, Preferences.defaults(Language.ENGLISH));
        assertEquals(1280, p.width());
        assertEquals(700, p.height());
        assertEquals(Theme.LIGHT, p.theme());
        assertEquals(Language.SIMPLIFIED_CHINESE, p.language());
        assertEquals(Preferences.MAX_ZOOM, p.zoom(), "the zoom is kept within 100% to 250%");
        assertEquals("02_sigmoid_neuron.bp", p.lesson());
    }

    @Test
    void valuesAreKeptInRange() {
        Preferences p = Preferences.defaults(Language.ENGLISH).withZoom(0.3).withSize(10, Double.NaN, false);
        assertEquals(Preferences.MIN_ZOOM, p.zoom());
        assertEquals(Preferences.MIN_WIDTH, p.width());
        assertEquals(Preferences.MIN_HEIGHT, p.height());
        assertEquals("", p.withLesson(null).lesson());
    }

    @Test
    void aSaveReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("preferences.properties");
        Preferences.defaults(Language.ENGLISH).save(file);
        Preferences.defaults(Language.ENGLISH).withTheme(Theme.HIGH_CONTRAST).save(file);
        assertEquals(Theme.HIGH_CONTRAST, Preferences.load(file, Preferences.defaults(Language.ENGLISH)).theme());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "a temporary file was left behind");
        }
    }

    @Test
    void aSaveThatFailsChangesNothing() throws IOException {
        Path file = dir.resolve("preferences.properties");
        Preferences.defaults(Language.ENGLISH).withZoom(2).save(file);
        String before = Files.readString(file);
        // The target is a non-empty folder now: the move fails, after the temporary file was written.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("inside"));
        boolean failed = false;
        try {
            Preferences.defaults(Language.ENGLISH).save(blocked);
        } catch (IOException expected) {
            failed = true;
        }
        assertTrue(failed, "saving over a non-empty folder should fail");
        assertEquals(before, Files.readString(file));
        assertTrue(Files.isDirectory(blocked.resolve("inside")));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "a temporary file was left behind");
        }
    }

    @Test
    void theSystemPropertyNamesTheFile() {
        String old = System.getProperty(Preferences.FILE_PROPERTY);
        try {
            System.setProperty(Preferences.FILE_PROPERTY, dir.resolve("x.properties").toString());
            assertEquals(dir.resolve("x.properties"), Preferences.defaultFile());
            System.clearProperty(Preferences.FILE_PROPERTY);
            assertEquals("preferences.properties", Preferences.defaultFile().getFileName().toString());
        } finally {
            if (old != null) {
                System.setProperty(Preferences.FILE_PROPERTY, old);
            }
        }
    }
}
