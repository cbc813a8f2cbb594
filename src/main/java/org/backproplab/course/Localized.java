package org.backproplab.course;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A text a course gives in one or more languages: the plain key's value is the default (the language the course is
 * written in), {@code key.zh_CN} the Simplified Chinese one, and so on for any locale tag. A language the course does
 * not have falls back to the default.
 *
 * @param byLanguage "" for the default, else a locale tag such as {@code zh_CN}
 */
public record Localized(Map<String, String> byLanguage) {

    public static final Localized EMPTY = new Localized(Map.of());

    public Localized {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** A text in the default language only. */
    public static Localized of(String text) {
        return new Localized(Map.of("", text));
    }

    /** This text with another language's version added (or replaced). */
    public Localized with(String language, String text) {
        Map<String, String> next = new LinkedHashMap<>(byLanguage);
        next.put(language, text);
        return new Localized(next);
    }

    /** The text in {@code locale}: its exact tag (zh_CN), else its language (zh), else the default, else "". */
    public String in(Locale locale) {
        String exact = byLanguage.get(locale.toString());
        if (exact != null) {
            return exact;
        }
        String language = byLanguage.get(locale.getLanguage());
        if (language != null) {
            return language;
        }
        return byLanguage.getOrDefault("", "");
    }

    /** Whether the course gives this text in exactly this locale (the default counts as English). */
    public boolean has(Locale locale) {
        return byLanguage.containsKey(locale.toString())
                || locale.getLanguage().equals("en") && byLanguage.containsKey("");
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
