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
    static final ArchRule engineUsesTheJdkAndTheWorkerPoolOnly = classes()
            .that().resideInAPackage("org.backproplab.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.backproplab.engine..",
                    "org.backproplab.concurrent..", "java..", "jdk..")
            .because("the engine sits at the bottom: of org.backproplab it uses only the shared worker pool, and no library");

    @ArchTest
    static final ArchRule concurrentUsesTheJdkOnly = classes()
            .that().resideInAPackage("org.backproplab.concurrent..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.backproplab.concurrent..", "java..")
            .because("the one worker pool is a utility beneath the engine, which nn and data use as well");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("org.backproplab.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.backproplab.ui..")
            .because("the command line must run headless");

    @ArchTest
    static final ArchRule samplingUsesTheJdkOnly = classes()
            .that().resideInAPackage("org.backproplab.sampling..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.backproplab.sampling..", "java..")
            .because("the one seeded shuffle serves nn, data and the labs alike");

    @ArchTest
    static final ArchRule nnUsesOnlyTheEngine = noClasses()
            .that().resideInAPackage("org.backproplab.nn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.data..", "org.backproplab.lesson..",
                    "org.backproplab.stepper..", "org.backproplab.labs..", "org.backproplab.codegen..",
                    "org.backproplab.cli..", "org.backproplab.ui..")
            .because("nn is networks and the one training step on the engine (it may use the worker pool of "
                    + "org.backproplab.concurrent and the shuffle of org.backproplab.sampling); the labs and views build on it");

    @ArchTest
    static final ArchRule dataUsesOnlyTheEngine = noClasses()
            .that().resideInAPackage("org.backproplab.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.nn..", "org.backproplab.lesson..",
                    "org.backproplab.stepper..", "org.backproplab.labs..", "org.backproplab.codegen..",
                    "org.backproplab.cli..", "org.backproplab.ui..")
            .because("data builds on the engine (and may use the worker pool of org.backproplab.concurrent), nothing above it");

    @ArchTest
    static final ArchRule lessonSitsBelowTheViewsBackEnds = noClasses()
            .that().resideInAPackage("org.backproplab.lesson..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.stepper..", "org.backproplab.labs..",
                    "org.backproplab.codegen..", "org.backproplab.cli..", "org.backproplab.ui..");

    @ArchTest
    static final ArchRule labsAreHeadlessBackEnds = noClasses()
            .that().resideInAPackage("org.backproplab.labs..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp.ikonli..", "org.fxmisc..",
                    "org.backproplab.stepper..", "org.backproplab.codegen..", "org.backproplab.cli..",
                    "org.backproplab.ui..")
            .because("a lab's model is tested and run from the command line without a display");

    @ArchTest
    static final ArchRule coursesAreHeadless = noClasses()
            .that().resideInAPackage("org.backproplab.course..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp.ikonli..", "org.fxmisc..",
                    "org.commonmark..", "org.scilab..", "org.backproplab.codegen..", "org.backproplab.cli..",
                    "org.backproplab.ui..")
            .because("a course is read and checked without a display; how its text and formulas look is the view's");

    @ArchTest
    static final ArchRule onlyTheLabsAndViewsReachCourses = noClasses()
            .that().resideInAnyPackage("org.backproplab.engine..", "org.backproplab.nn..", "org.backproplab.data..",
                    "org.backproplab.lesson..", "org.backproplab.stepper..", "org.backproplab.labs..")
            .should().dependOnClassesThat().resideInAPackage("org.backproplab.course..")
            .because("a course sits above the lessons, the stepper and the labs it sets up");

    @ArchTest
    static final ArchRule codegenWritesFromSettingsOnly = noClasses()
            .that().resideInAPackage("org.backproplab.codegen..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.backproplab.stepper..",
                    "org.backproplab.cli..", "org.backproplab.ui..");

    /**
     * The stepper may compile lessons: a saved session holds its lesson's text, and restoring one (like the
     * inspector's what-if) compiles it afresh. It may not reach the labs, the command line or the window.
     */
    @ArchTest
    static final ArchRule stepperMayCompileLessonsButNotReachUp = noClasses()
            .that().resideInAPackage("org.backproplab.stepper..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.labs..", "org.backproplab.codegen..")
            .because("the stepper sits on engine, nn and lesson; the labs are its siblings, not its inputs");

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
