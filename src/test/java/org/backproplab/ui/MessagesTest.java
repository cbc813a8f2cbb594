package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The message bundles: the same keys in every language, real translations, valid UTF-8, every FXML key present. */
class MessagesTest {

    private static final String ENGLISH = "/org/backproplab/ui/i18n/messages.properties";
    private static final String CHINESE = "/org/backproplab/ui/i18n/messages_zh_CN.properties";
    /** Keys that are the same in every language on purpose. */
    private static final Set<String> UNTRANSLATED = Set.of("language.english", "language.simplifiedChinese",
            "about.runtime", "gradflow.run.a", "gradflow.run.b", // the lab names its two configurations A and B in both
            "code.panel.keras", "code.panel.pytorch", // the frameworks' own names
            // names the glossary gives in both languages alike (the primer writes Sigmoid, ReLU, Adam in Chinese too)
            "mnist.activation.sigmoid", "mnist.activation.tanh", "mnist.activation.relu", "mnist.activation.leaky_relu",
            "playground.activation.sigmoid", "playground.activation.tanh", "playground.activation.relu",
            "playground.activation.leaky_relu", "gradflow.activation.sigmoid", "gradflow.activation.tanh",
            "gradflow.activation.relu", "gradflow.activation.leaky_relu", "gradflow.optimizer.rmsprop",
            "gradflow.optimizer.adam", "mnist.optimizer.rmsprop", "mnist.optimizer.adam", "dialog.ok",
            "landscape.racer.RMSPROP", "landscape.racer.ADAM",
            // the landscape lab's symbols, a file name and a formula, the same in both languages
            "landscape.lr", "landscape.momentum", "landscape.beta1", "landscape.beta2", "landscape.noise",
            "landscape.lesson.name", "landscape.sweep.log", "landscape.sweep.series");

    @Test
    void bothBundlesHaveExactlyTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load(ENGLISH).stringPropertyNames());
        Set<String> chinese = new TreeSet<>(load(CHINESE).stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertTrue(onlyEnglish.isEmpty() && onlyChinese.isEmpty(),
                "only in English: " + onlyEnglish + "; only in Chinese: " + onlyChinese);
        assertFalse(english.isEmpty());
    }

    @Test
    void chineseIsTranslated() throws IOException {
        Properties english = load(ENGLISH);
        Properties chinese = load(CHINESE);
        for (String key : chinese.stringPropertyNames()) {
            if (UNTRANSLATED.contains(key)) {
                continue;
            }
            String value = chinese.getProperty(key);
            assertTrue(value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key + " has no Chinese: " + value);
            assertFalse(value.equals(english.getProperty(key)), key + " is the English text");
        }
    }

    @Test
    void bundlesAreValidUtf8() throws IOException {
        for (String path : new String[] {ENGLISH, CHINESE}) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes(path)));
            } catch (CharacterCodingException e) {
                throw new AssertionError(path + " is not UTF-8: Java would fall back to ISO-8859-1", e);
            }
        }
    }

    @Test
    void resourceBundleReadsTheChineseAsUtf8() {
        assertEquals("就绪", Resources.messages(Locale.SIMPLIFIED_CHINESE).getString("status.ready"));
        assertEquals("Ready", Resources.messages(Locale.ENGLISH).getString("status.ready"));
        // Any other language falls back to English, whatever the JVM's default locale.
        assertEquals("Ready", Resources.messages(Locale.GERMAN).getString("status.ready"));
    }

    @Test
    void everyKeyTheFxmlUsesExists() throws IOException {
        String fxml = new String(bytes(Resources.MAIN_WINDOW_FXML), StandardCharsets.UTF_8)
                + new String(bytes(Resources.STEPPER_VIEW_FXML), StandardCharsets.UTF_8);
        Properties english = load(ENGLISH);
        FxmlKeys.assertAllInBundle(fxml, english, "an FXML file", 5);
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes(path), StandardCharsets.UTF_8)));
        return p;
    }

    private static byte[] bytes(String path) throws IOException {
        try (InputStream in = Resources.url(path).openStream()) {
            return in.readAllBytes();
        }
    }
}
