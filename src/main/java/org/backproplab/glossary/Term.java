package org.backproplab.glossary;

import java.util.List;
import java.util.Locale;

/**
 * One concept of the glossary: its id, its term and one-line definition in English and Chinese, and per language
 * the variants a text must not use for it (so one concept keeps one word).
 */
public record Term(String id, String english, String chinese, String englishDefinition, String chineseDefinition,
                   List<String> englishAvoid, List<String> chineseAvoid) {

    public Term {
        englishAvoid = List.copyOf(englishAvoid);
        chineseAvoid = List.copyOf(chineseAvoid);
    }

    /** The term in the given language: Chinese for any Chinese locale, English otherwise. */
    public String term(Locale locale) {
        return isChinese(locale) ? chinese : english;
    }

    /** The definition in the given language. */
    public String definition(Locale locale) {
        return isChinese(locale) ? chineseDefinition : englishDefinition;
    }

    /** The variants not to use in the given language. */
    public List<String> avoid(Locale locale) {
        return isChinese(locale) ? chineseAvoid : englishAvoid;
    }

    /** Whether the query (case-insensitive, trimmed) occurs in either term or either definition. */
    public boolean matches(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return q.isEmpty() || (english + '\n' + chinese + '\n' + englishDefinition + '\n' + chineseDefinition)
                .toLowerCase(Locale.ROOT).contains(q);
    }

    static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
