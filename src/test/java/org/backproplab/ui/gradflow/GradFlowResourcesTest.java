package org.backproplab.ui.gradflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Initializer;
import org.backproplab.ui.Resources;
import org.junit.jupiter.api.Test;
import org.backproplab.nn.Clipping;

/** The tab's FXML and the bundles agree, every choice and message has both languages, and the logic has no JavaFX. */
class GradFlowResourcesTest {

    static final String FXML = "/org/backproplab/ui/gradflow/gradflow-tab.fxml";

    @Test
    void everyKeyTheTabUsesIsInBothBundles() throws IOException {
        Matcher m = Pattern.compile("\"%([\\w.]+)\"").matcher(read(FXML));
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertTrue(keys.size() > 40, "found only " + keys.size() + " %keys in the FXML");
        assertInBoth(keys);
    }

    @Test
    void everyChoiceProblemAndNoticeHasANameInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            keys.add(d.key());
        }
        for (ComparePreset p : ComparePreset.values()) {
            keys.add(p.key());
        }
        for (Pace p : Pace.values()) {
            keys.add(p.key());
        }
        for (Activation.Kind k : Activation.Kind.values()) {
            keys.add("gradflow.activation." + k.id());
        }
        for (Initializer.Scheme s : FlowSettings.INITS) {
            keys.add("gradflow.init." + s.id());
        }
        FlowSettings.CLIPS.forEach(mode -> keys.add("gradflow.clip." + mode.id()));
        FlowSettings.CLIPS.stream().filter(mode -> mode != Clipping.Mode.NONE)
                .forEach(mode -> keys.add("gradflow.run.clip." + mode.id()));
        FlowSettings.OPTIMIZERS.forEach(kind -> keys.add("gradflow.optimizer." + kind.id()));
        for (String in : new String[] {"activations", "gradients", "loss"}) {
            keys.add("gradflow.in." + in);
        }
        keys.addAll(List.of("gradflow.error.batchSize", "gradflow.error.seed", "gradflow.error.learningRate",
                "gradflow.error.clipThreshold", "gradflow.open.inputs", "gradflow.open.tooBig", "gradflow.open.batchNorm",
                "gradflow.open.overflowed", "gradflow.open.noRun", "gradflow.open.busy", "gradflow.open.failed"));
        assertInBoth(keys);
    }

    @Test
    void theLabsLogicRunsWithoutJavaFx() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.backproplab.ui.gradflow");
        noClasses().that().haveNameMatching("org\\.backproplab\\.ui\\.gradflow\\.(FlowSettings|LabSettings|Dataset"
                + "|ComparePreset|LabData|LabRun|RunHistory|Series|HeatMap|HeatColors|Histogram|LogScale|SharedAxes"
                + "|StepThrough|Pace)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp..")
                .because("the lab's logic is plain Java, tested without a toolkit")
                .check(classes);
    }

    private static void assertInBoth(List<String> keys) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle messages = Resources.messages(locale);
            for (String key : keys) {
                assertTrue(messages.containsKey(key), key + " is missing in " + locale);
            }
        }
    }

    private static String read(String path) throws IOException {
        try (InputStream in = Resources.url(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
