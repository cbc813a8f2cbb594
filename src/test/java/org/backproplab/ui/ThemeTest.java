package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.css.CssParser;
import javafx.css.Stylesheet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each theme's stylesheet parses without an error and redefines every looked-up colour that app.css defines. */
class ThemeTest {

    private static final Pattern DEFINITION = Pattern.compile("^\\s*(-bl-[\\w-]+)\\s*:", Pattern.MULTILINE);

    @ParameterizedTest
    @EnumSource(Theme.class)
    void parsesCleanly(Theme theme) throws IOException {
        URL css = Resources.url(theme.stylesheet() == null ? Resources.APP_CSS : theme.stylesheet());
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertEquals(List.of(), errors, theme + ": " + css);
        assertNotNull(sheet);
        assertTrue(sheet.getRules().size() >= 1);
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"DARK", "HIGH_CONTRAST"})
    void redefinesEveryColourOfTheLightTheme(Theme theme) throws IOException {
        Set<String> light = definitions(Resources.APP_CSS);
        assertTrue(light.size() > 20, "app.css defines only " + light);
        Set<String> missing = new TreeSet<>(light);
        missing.removeAll(definitions(theme.stylesheet()));
        assertEquals(Set.of(), missing, theme + " leaves these colours as in the light theme");
    }

    /** The -bl-* colours a stylesheet defines on .root (the first block). */
    private static Set<String> definitions(String path) throws IOException {
        String css;
        try (InputStream in = Resources.url(path).openStream()) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String root = css.substring(css.indexOf(".root"), css.indexOf('}', css.indexOf(".root")));
        Set<String> names = new TreeSet<>();
        Matcher m = DEFINITION.matcher(root);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
