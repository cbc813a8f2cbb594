package org.backproplab.ui.mnist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.backproplab.nn.Activation;
import org.backproplab.ui.FxmlKeys;
import org.backproplab.ui.Resources;
import org.junit.jupiter.api.Test;

/** The tab's FXML and the bundles agree, every choice has a name in both languages, and the logic has no JavaFX. */
class MnistResourcesTest {

    @Test
    void everyKeyTheTabUsesIsInBothBundles() throws IOException {
        String fxml = read(MnistTabWithoutDataTest.FXML);
        Properties english = bundle("/org/backproplab/ui/i18n/messages.properties");
        FxmlKeys.assertAllInBundle(fxml, english, "mnist-tab.fxml", 40);
    }

    @Test
    void everyChoiceAndProblemHasANameInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle messages = Resources.messages(locale);
            for (Preset p : Preset.values()) {
                assertTrue(messages.containsKey(p.key()), p.key());
            }
            for (Activation.Kind k : Activation.Kind.values()) {
                assertTrue(messages.containsKey("mnist.activation." + k.id()), k.id());
            }
            for (var kind : Settings.OPTIMIZERS) {
                assertTrue(messages.containsKey("mnist.optimizer." + kind.id()), kind.id());
            }
            for (var schedule : Settings.SCHEDULES) {
                assertTrue(messages.containsKey("mnist.schedule." + schedule.id()), schedule.id());
            }
            for (String key : new String[] {"mnist.error.layers.format", "mnist.error.layers.ends",
                "mnist.error.layers.size", "mnist.error.dropout", "mnist.error.learningRate", "mnist.error.batchSize",
                "mnist.error.epochs"}) {
                assertTrue(messages.containsKey(key), key);
            }
        }
    }

    @Test
    void theTabsLogicRunsWithoutJavaFx() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.backproplab.ui.mnist");
        noClasses().that().haveNameMatching("org\\.backproplab\\.ui\\.mnist\\.(Settings|Preset|LossCurve|TrainingRun"
                + "|WeightsSnapshot|Inspector|Sketch|ConfusionMatrix|ColorMap|Format)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the tab's logic is plain Java, tested without a toolkit")
                .check(classes);
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(read(path)));
        return p;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = Resources.url(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
