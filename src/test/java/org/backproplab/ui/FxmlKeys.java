package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code %key}s an FXML text looks up in the message bundle, checked against a loaded bundle. */
public final class FxmlKeys {

    private static final Pattern KEY = Pattern.compile("\"%([\\w.]+)\"");

    private FxmlKeys() {
    }

    /**
     * Asserts that every {@code "%key"} in {@code fxml} is in {@code bundle}, naming {@code what} (the FXML) in the
     * failure, and that there are more than {@code atLeastMoreThan} of them (so that a renamed syntax fails).
     */
    public static void assertAllInBundle(String fxml, Properties bundle, String what, int atLeastMoreThan) {
        Matcher m = KEY.matcher(fxml);
        int count = 0;
        while (m.find()) {
            count++;
            assertTrue(bundle.containsKey(m.group(1)), what + " uses %" + m.group(1) + ", not in the bundle");
        }
        assertTrue(count > atLeastMoreThan, "found only " + count + " %keys in the FXML");
    }
}
