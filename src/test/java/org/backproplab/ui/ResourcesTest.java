package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void findsTheAppsResources() {
        assertNotNull(Resources.url(Resources.MAIN_WINDOW_FXML));
        assertTrue(Resources.externalForm(Resources.APP_CSS).endsWith("/org/backproplab/ui/app.css"));
    }

    @Test
    void aMissingResourceFailsLoudlyAndNamesIt() {
        var e = assertThrows(Resources.MissingResource.class, () -> Resources.url("/org/backproplab/ui/nothing.css"));
        assertTrue(e.getMessage().contains("/org/backproplab/ui/nothing.css"), e.getMessage());
    }

    @Test
    void relativePathsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Resources.url("app.css"));
    }

    @Test
    void languageFollowsTheLocale() {
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.of(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.of(Locale.CHINESE));
        assertEquals(Language.ENGLISH, Language.of(Locale.TRADITIONAL_CHINESE));
        assertEquals(Language.ENGLISH, Language.of(Locale.FRANCE));
        assertEquals(Language.ENGLISH, Language.of(Locale.US));
    }
}
