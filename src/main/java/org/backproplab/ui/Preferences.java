package org.backproplab.ui;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.backproplab.files.AtomicFile;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * What the app remembers between runs: the window's size, the theme, the language, the presentation zoom, the
 * last lesson, whether the course panel is shown and which course. Plain Java (no JavaFX), kept in a properties file in the user's configuration folder
 * ({@link #defaultFile()}); the system property {@value #FILE_PROPERTY} names another file (tests use a temporary
 * folder). Reading never fails: a missing file, or a missing or malformed value, gives the default for it. Writing
 * is atomic: a temporary file in the same folder, then moved over the old one, so a crash mid-write leaves the
 * earlier file whole.
 *
 * @param width the window's width in pixels (at least {@link #MIN_WIDTH})
 * @param height the window's height in pixels (at least {@link #MIN_HEIGHT})
 * @param maximized whether the window was maximised
 * @param theme the colour theme
 * @param language the UI language
 * @param zoom the presentation zoom of fonts and the graph, {@link #MIN_ZOOM} (100%) to {@link #MAX_ZOOM} (250%)
 * @param lesson the last lesson: a shipped lesson's file name ({@code 01_circuit.bp}) or the path of a lesson
 *               file; "" for none
 * @param coursePanel whether the course panel is shown beside the tabs (View ▸ Course panel, F9)
 * @param course the course last opened: the path of a course file, "" for the shipped one
 */
@RecordBuilder
public record Preferences(double width, double height, boolean maximized, Theme theme, Language language,
                          double zoom, String lesson, boolean coursePanel, String course)
        implements PreferencesBuilder.With {

    /** The system property that names the preferences file instead of {@link #defaultFile()}. */
    public static final String FILE_PROPERTY = "backproplab.preferences";
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 420;
    public static final double MIN_ZOOM = 1.0;
    public static final double MAX_ZOOM = 2.5;
    /** One zoom step (View ▸ Zoom in / out): 25 percentage points. */
    public static final double ZOOM_STEP = 0.25;

    public Preferences {
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : MIN_WIDTH;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : MIN_HEIGHT;
        theme = theme == null ? Theme.LIGHT : theme;
        language = language == null ? Language.ENGLISH : language;
        zoom = Double.isFinite(zoom) ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) : MIN_ZOOM;
        lesson = lesson == null ? "" : lesson;
        course = course == null ? "" : course;
    }

    /** The preferences of a first start: a 1280×800 window, light, 100%, no lesson, in the given language. */
    public static Preferences defaults(Language language) {
        return new Preferences(1280, 800, false, Theme.LIGHT, language, MIN_ZOOM, "", false, "");
    }

    public Preferences withSize(double newWidth, double newHeight, boolean isMaximized) {
        return with(b -> b.width(newWidth).height(newHeight).maximized(isMaximized));
    }

    /** The zoom, kept between 100% and 250%. */
    /**
     * The file the app uses: the system property {@value #FILE_PROPERTY} if set, else {@code preferences.properties}
     * in the configuration folder of the platform — {@code %APPDATA%\BackpropLab} on Windows,
     * {@code ~/Library/Application Support/BackpropLab} on macOS, {@code $XDG_CONFIG_HOME/backprop-lab} (by default
     * {@code ~/.config/backprop-lab}) elsewhere.
     */
    public static Path defaultFile() {
        String override = System.getProperty(FILE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home", "."));
        Path folder;
        if (os.startsWith("windows") && System.getenv("APPDATA") != null) {
            folder = Path.of(System.getenv("APPDATA"), "BackpropLab");
        } else if (os.startsWith("mac")) {
            folder = home.resolve("Library").resolve("Application Support").resolve("BackpropLab");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            folder = (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("backprop-lab");
        }
        return folder.resolve("preferences.properties");
    }

    /**
     * Reads the preferences from a file. A missing or unreadable file gives {@code defaults}; a missing or malformed
     * value gives the default's value for it (an app that cannot remember must still start).
     */
    public static Preferences load(Path file, Preferences defaults) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) { // missing, unreadable, or not a properties file
            return defaults;
        }
        return new Preferences(
                number(p, "window.width", defaults.width()),
                number(p, "window.height", defaults.height()),
                Boolean.parseBoolean(p.getProperty("window.maximized", Boolean.toString(defaults.maximized()))),
                constant(Theme.class, p.getProperty("theme"), defaults.theme()),
                constant(Language.class, p.getProperty("language"), defaults.language()),
                number(p, "zoom", defaults.zoom()),
                p.getProperty("lesson", defaults.lesson()),
                Boolean.parseBoolean(p.getProperty("course.panel", Boolean.toString(defaults.coursePanel()))),
                p.getProperty("course", defaults.course()));
    }

    /** Writes the preferences atomically: a temporary file beside {@code file}, then moved over it. */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("window.width", Long.toString(Math.round(width)));
        p.setProperty("window.height", Long.toString(Math.round(height)));
        p.setProperty("window.maximized", Boolean.toString(maximized));
        p.setProperty("theme", theme.name());
        p.setProperty("language", language.name());
        p.setProperty("zoom", Double.toString(zoom));
        p.setProperty("lesson", lesson);
        p.setProperty("course.panel", Boolean.toString(coursePanel));
        p.setProperty("course", course);
        AtomicFile.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            p.store(writer, "Backprop Lab preferences");
            writer.flush();
        });
    }

    private static double number(Properties p, String key, double fallback) {
        try {
            String value = p.getProperty(key);
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
