package org.backproplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AppInfoTest {

    /** The project's own version: the first <version> after <artifactId>backprop-lab</artifactId>. */
    @Test
    void versionIsThePomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>backprop-lab</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "pom.xml has no <artifactId>backprop-lab</artifactId> followed by <version>");
        assertEquals(m.group(1), AppInfo.VERSION, "AppInfo.VERSION must follow the version in pom.xml");
    }
}
