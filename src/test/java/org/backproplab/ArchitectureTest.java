package org.backproplab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of the guide, held by ArchUnit over the production classes. */
@AnalyzeClasses(packages = "org.backproplab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("org.backproplab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp.ikonli..")
            .because("only the ui package may use JavaFX, so the engine and the command line run without a display");

    @ArchTest
    static final ArchRule printsOnlyInCli = noClasses()
            .that().resideOutsideOfPackage("org.backproplab.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("cli is the only package that prints; elsewhere errors are thrown, logged or shown");

    @ArchTest
    static final ArchRule exitsOnlyInCli = noClasses()
            .that().resideOutsideOfPackage("org.backproplab.cli..")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("cli is the only package that ends the JVM, with its documented exit codes");

    @ArchTest
    static final ArchRule engineUsesTheJdkOnly = classes()
            .that().resideInAPackage("org.backproplab.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.backproplab.engine..", "java..", "jdk..")
            .because("the engine sits at the bottom: it depends on nothing else of org.backproplab, nor on any library");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("org.backproplab.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.backproplab.ui..")
            .because("the command line must run headless");

    @ArchTest
    static final ArchRule nnUsesOnlyTheEngine = noClasses()
            .that().resideInAPackage("org.backproplab.nn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.data..", "org.backproplab.lesson..",
                    "org.backproplab.stepper..", "org.backproplab.cli..", "org.backproplab.ui..");

    @ArchTest
    static final ArchRule dataUsesOnlyTheEngine = noClasses()
            .that().resideInAPackage("org.backproplab.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.nn..", "org.backproplab.lesson..",
                    "org.backproplab.stepper..", "org.backproplab.cli..", "org.backproplab.ui..");

    @ArchTest
    static final ArchRule stepperIsHeadless = noClasses()
            .that().resideInAPackage("org.backproplab.stepper..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp.ikonli..", "org.fxmisc..",
                    "org.backproplab.ui..", "org.backproplab.cli..")
            .because("the step-through state machine is tested and benchmarked without a display");

    @ArchTest
    static final ArchRule drawingIsHeadless = noClasses()
            .that().resideInAPackage("org.backproplab.drawing..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp.ikonli..", "org.fxmisc..",
                    "org.backproplab.ui..", "org.backproplab.cli..")
            .because("the graph's layout and SVG export run headless, for the view, the export and the benchmark alike");

    @ArchTest
    static final ArchRule stepperDoesNotDraw = noClasses()
            .that().resideInAPackage("org.backproplab.stepper..")
            .should().dependOnClassesThat().resideInAPackage("org.backproplab.drawing..")
            .because("the drawing sits beside the stepper and draws what it holds; the state machine needs no picture");

    @ArchTest
    static final ArchRule filesUsesTheJdkOnly = classes()
            .that().resideInAPackage("org.backproplab.files..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.backproplab.files..", "java..")
            .because("safe file writing is a utility every package may use");
}
