package org.backproplab.ui;

import java.net.URL;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one place that finds the app's resources (FXML, CSS, message bundles) on the class path, and fails
 * loudly, naming the path, when one is missing: a missing stylesheet would otherwise leave a silently
 * unstyled window. Paths are absolute and mirror the package they serve, under the top-level
 * {@code resources/} folder.
 */
public final class Resources {

    public static final String MAIN_WINDOW_FXML = "/org/backproplab/ui/main-window.fxml";
    public static final String APP_CSS = "/org/backproplab/ui/app.css";
    public static final String STEPPER_VIEW_FXML = "/org/backproplab/ui/stepper/stepper-view.fxml";
    /** The message bundle's base name: messages.properties (English) and messages_zh_CN.properties. */
    public static final String MESSAGES = "org.backproplab.ui.i18n.messages";

    private Resources() {
    }

    /** The resource at an absolute class-path path; throws {@link MissingResource} if there is none. */
    public static URL url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("resource paths are absolute (start with /): " + path);
        }
        URL url = Resources.class.getResource(path);
        if (url == null) {
            throw new MissingResource("missing resource " + path + " (looked for it on the class path; "
                    + "it belongs under resources" + path + ")");
        }
        return url;
    }

    /** The URL as a string, the form that stylesheets and images take. */
    public static String externalForm(String path) {
        return url(path).toExternalForm();
    }

    /**
     * The UI strings for a locale, falling back to English. A missing bundle throws
     * {@link java.util.MissingResourceException}, which names it.
     */
    public static ResourceBundle messages(Locale locale) {
        // The English file is the base bundle: it must not defer to the JVM's default locale instead.
        return ResourceBundle.getBundle(MESSAGES, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A resource the app needs is not on the class path: a build or packaging error, never the user's. */
    public static final class MissingResource extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingResource(String message) {
            super(message);
        }
    }
}
