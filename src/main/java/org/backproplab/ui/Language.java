package org.backproplab.ui;

import java.util.Locale;

/** The languages the UI is translated into; each has a message bundle (see {@link Resources#messages}). */
public enum Language {
    ENGLISH(Locale.ENGLISH),
    SIMPLIFIED_CHINESE(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language for a locale: Simplified Chinese for zh (but not Traditional: zh_TW, zh_HK), else English. */
    public static Language of(Locale locale) {
        boolean traditional = locale.getScript().equals("Hant")
                || locale.getCountry().equals("TW") || locale.getCountry().equals("HK");
        return locale.getLanguage().equals("zh") && !traditional ? SIMPLIFIED_CHINESE : ENGLISH;
    }
}
