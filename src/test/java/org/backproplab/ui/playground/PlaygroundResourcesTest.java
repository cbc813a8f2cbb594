package org.backproplab.ui.playground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.backproplab.data.ToyData;
import org.backproplab.nn.Activation;
import org.backproplab.labs.Playground;
import org.backproplab.ui.Resources;
import org.junit.jupiter.api.Test;

/** The tab's FXML, its code and the bundles agree in both languages, and the tab's logic has no JavaFX. */
class PlaygroundResourcesTest {

    static final String FXML = "/org/backproplab/ui/playground/playground-tab.fxml";
    private static final Locale[] LOCALES = {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE};

    @Test
    void everyKeyTheFxmlAndTheCodeUseIsInBothBundles() throws IOException {
        String fxml;
        try (InputStream in = Resources.url(FXML).openStream()) {
            fxml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int fxmlKeys = check(Pattern.compile("\"%([\\w.]+)\"").matcher(fxml), FXML);
        assertTrue(fxmlKeys > 40, "found only " + fxmlKeys + " %keys in the FXML");
        int codeKeys = 0;
        for (String file : new String[] {"PlaygroundTabController", "NetworkDiagram", "PlaygroundTabModel"}) {
            String code = Files.readString(Path.of("src/main/java/org/backproplab/ui/playground/" + file + ".java"));
            codeKeys += check(Pattern.compile("\"(playground\\.[\\w.]*\\w)\"").matcher(code), file);
        }
        assertTrue(codeKeys > 30, "found only " + codeKeys + " keys in the code");
    }

    @Test
    void everyChoiceHasANameInBothLanguages() {
        for (Locale locale : LOCALES) {
            ResourceBundle messages = Resources.messages(locale);
            for (ToyData.Kind k : ToyData.Kind.values()) {
                assertTrue(messages.containsKey("playground.shape." + k.id()), k.id());
            }
            for (Activation.Kind k : Activation.Kind.values()) {
                assertTrue(messages.containsKey("playground.activation." + k.id()), k.id());
            }
            for (Playground.Problem p : Playground.Problem.values()) {
                assertTrue(messages.containsKey("playground.problem." + p.name().toLowerCase(Locale.ROOT)), p.name());
            }
            for (Playground.Regularization r : PlaygroundSettings.REGULARIZATIONS) {
                assertTrue(messages.containsKey("playground.regularization." + r.id()), r.id());
            }
        }
    }

    @Test
    void theTabsLogicRunsWithoutJavaFx() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.backproplab.ui.playground");
        noClasses().that().haveNameMatching("org\\.backproplab\\.ui\\.playground\\.(PlaygroundSettings|PlaygroundData"
                + "|PlaygroundRun|NetworkSnapshot|HeatMaps|ExplainLesson|ParamRef|Format)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp..")
                .because("the tab's logic is plain Java, tested without a toolkit")
                .check(classes);
    }

    private static int check(Matcher m, String where) {
        int count = 0;
        while (m.find()) {
            count++;
            for (Locale locale : LOCALES) {
                assertTrue(Resources.messages(locale).containsKey(m.group(1)),
                        where + " uses " + m.group(1) + ", not in the " + locale + " bundle");
            }
        }
        return count;
    }
}
