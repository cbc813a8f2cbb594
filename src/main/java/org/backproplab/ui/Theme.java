package org.backproplab.ui;

/**
 * The colour themes (View ▸ Theme). {@code app.css} is the light theme and defines every colour as a looked-up
 * colour ({@code -bl-*}) on {@code .root}; a theme is one more stylesheet, added after it, that redefines them.
 */
public enum Theme {
    LIGHT(null, "theme.light"),
    DARK("/org/backproplab/ui/theme-dark.css", "theme.dark"),
    HIGH_CONTRAST("/org/backproplab/ui/theme-high-contrast.css", "theme.highContrast");

    private final String stylesheet;
    private final String messageKey;

    Theme(String stylesheet, String messageKey) {
        this.stylesheet = stylesheet;
        this.messageKey = messageKey;
    }

    /** The class-path path of the stylesheet laid over {@code app.css}; null for the light theme, which is app.css. */
    public String stylesheet() {
        return stylesheet;
    }

    /** The key of the theme's name in the message bundle. */
    public String messageKey() {
        return messageKey;
    }
}
