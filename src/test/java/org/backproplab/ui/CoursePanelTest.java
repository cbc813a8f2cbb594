package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.backproplab.course.Course;
import org.backproplab.course.Setup;
import org.backproplab.course.SetupFile;
import org.backproplab.course.ShippedCourse;
import org.backproplab.labs.Surface;
import org.backproplab.ui.gradflow.LayerBars;
import org.backproplab.ui.landscape.LandscapeTabModel.Racer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The course panel in the main window, headless: F9 shows it with the primer's course; every page's setups put their
 * tabs into the stated state, page by page with Alt+Page Down, in English and in Chinese; exercises ask before they
 * tell (a wrong number, a right one, a choice, a click on the gradient-flow lab's bars); a broken course file gives its
 * line and column and the panel keeps its course; a setup saved from a tab reads back equal. Writes snapshot PNGs.
 */
class CoursePanelTest extends MainWindowFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        closeOtherWindows(robot);
    }

    private void showPanel(FxRobot robot) throws Exception {
        robot.push(KeyCode.F9);
        waitFor(WAIT_SECONDS, () -> robot.lookup("#coursePanel").tryQuery().map(Node::isVisible).orElse(false)
                && window.course().course() != null);
        robot.interact(() -> window.course().goTo(0));
    }

    @Test
    void everySetupOnEveryPagePutsItsTabIntoTheStatedStateInBothLanguages(FxRobot robot) throws Exception {
        showPanel(robot);
        Course course = ShippedCourse.load();
        for (Language language : List.of(Language.ENGLISH, Language.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchLanguage(language));
            robot.interact(() -> window.course().goTo(0));
            for (int p = 0; p < course.pages().size(); p++) {
                Course.Page page = course.pages().get(p);
                assertEquals(page.title().in(language.locale()), text(robot, ".course-page-title"));
                List<Button> buttons = robot.lookup(".course-setup").queryAllAs(Button.class).stream().toList();
                assertEquals(page.setups().size(), buttons.size(), "page " + (p + 1));
                for (int s = 0; s < buttons.size(); s++) {
                    assertEquals(page.setups().get(s).label().in(language.locale()), buttons.get(s).getText());
                    Button b = buttons.get(s);
                    robot.interact(b::fire);
                    WaitForAsyncUtils.waitForFxEvents();
                    assertInState(robot, page.setups().get(s).setup());
                }
                assertEquals(page.exercises().size(), robot.lookup(".course-exercise").queryAll().size());
                robot.push(KeyCode.ALT, KeyCode.PAGE_DOWN);
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertEquals(course.pages().size() - 1, window.course().pageProperty().get(), "Next stops at the end");
        }
        robot.interact(() -> window.gradflow().pause());
    }

    /** The tab the setup names is shown, in the state the setup states. */
    private void assertInState(FxRobot robot, Setup setup) throws Exception {
        String shown = robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
        if (setup instanceof Setup.StepThrough s) {
            assertEquals(MainWindow.STEPPER_TAB, shown);
            assertEquals(s.lesson() + ".bp", window.stepper().lessonNameProperty().get());
            assertEquals(s.clipping(), window.stepper().clippingProperty().get());
            assertEquals(s.quiz(), window.stepper().quizProperty().get());
            assertEquals(s.learningRate(), window.stepper().learningRateProperty().get());
            robot.interact(() -> window.stepper().quizProperty().set(false));
        } else if (setup instanceof Setup.LandscapeLab s) {
            assertEquals(MainWindow.LANDSCAPE_TAB, shown);
            assertEquals(Surface.byId(s.surface()), window.landscape().preset());
            for (Racer r : Racer.values()) {
                assertEquals(s.racers().contains(r.name().toLowerCase(Locale.ROOT)), window.landscape().isRacing(r),
                        r.toString());
            }
            assertEquals(s.steps(), window.landscape().steps());
            if (s.start() != null) {
                assertEquals(s.start(), window.landscape().start());
            }
        } else if (setup instanceof Setup.PlaygroundLab s) {
            assertEquals(MainWindow.PLAYGROUND_TAB, shown);
            var settings = window.playground().settings();
            assertEquals(List.of(s.dataset(), s.hidden(), s.activation(), s.batchSize()),
                    List.of(settings.shape(), settings.hidden(), settings.activation(), settings.batchSize()));
        } else if (setup instanceof Setup.GradientFlowLab s) {
            assertEquals(MainWindow.GRADFLOW_TAB, shown);
            var form = window.gradflow().form().settings();
            assertEquals(s.dataset(), form.dataset().name().toLowerCase(Locale.ROOT));
            assertEquals(s.a().activation(), form.a().activation());
            assertEquals(s.b().activation(), form.b().activation());
            assertEquals(s.b().init(), form.b().init());
        } else if (setup instanceof Setup.MnistLab s) {
            assertEquals(MainWindow.MNIST_TAB, shown);
            assertEquals(s.preset(), window.mnist().form().presetProperty().get().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
        }
    }

    @Test
    void aNumberExerciseAsksBeforeItTellsAndTheProgressCounts(FxRobot robot) throws Exception {
        showPanel(robot);
        assertTrue(robot.lookup(".course-page ImageView").queryAll().size() >= 3, "the formulas are drawn");
        assertTrue(robot.lookup(".course-right, .course-wrong").queryAll().isEmpty(), "nothing told before a try");
        TextField answer = robot.lookup(".course-exercise .text-field").queryAs(TextField.class);
        robot.clickOn(answer).write("0.5").push(KeyCode.ENTER);
        assertEquals("Not quite.", text(robot, ".course-wrong"));
        assertTrue(robot.lookup(".course-exercise .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("The answer: 0.6")));
        robot.interact(() -> answer.setText("0.6"));
        robot.clickOn(answer).push(KeyCode.ENTER);
        assertEquals("Right.", text(robot, ".course-right"));
        assertTrue(text(robot, ".course-progress").endsWith("1 of " + ShippedCourse.load().exerciseKeys().size() + " exercises right"), text(robot, ".course-progress"));
        Screenshots.write(robot, stage.getScene(), "course-en.png");
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("正确。", text(robot, ".course-right"), "the answer stays across a language switch");
        Screenshots.write(robot, stage.getScene(), "course-zh_CN.png");
        robot.interact(() -> window.course().resetProgress());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, ".course-progress").endsWith("练习答对 0 / " + ShippedCourse.load().exerciseKeys().size()), text(robot, ".course-progress"));
    }

    @Test
    void aChoiceAndAClickOnTheLabsSmallestGradientAreChecked(FxRobot robot) throws Exception {
        showPanel(robot);
        robot.interact(() -> window.course().goTo(4)); // losses: a number and a choice
        List<RadioButton> options = robot.lookup(".course-exercise .radio-button").queryAllAs(RadioButton.class)
                .stream().toList();
        assertEquals(3, options.size());
        robot.interact(() -> options.get(0).setSelected(true));
        robot.clickOn(robot.lookup(".course-exercise .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Check") && b.getParent() == options.get(0).getParent()).findFirst()
                .orElseThrow());
        assertEquals("Not quite.", text(robot, ".course-wrong"));

        robot.interact(() -> window.course().goTo(9)); // vanishing gradients: click the layer
        robot.interact(() -> robot.lookup(".course-setup").queryAs(Button.class).fire());
        waitFor(20, () -> window.gradflow().smallestGradientLayer() > 0);
        LayerBars bars = robot.lookup("#gfGradBarsA").queryAs(LayerBars.class);
        waitFor(WAIT_SECONDS, () -> bars.values().length == 10 && bars.getWidth() > 0);
        int smallest = window.gradflow().smallestGradientLayer();
        assertEquals(1, smallest, "the course's stated answer");
        robot.clickOn(bars.localToScreen(46 + 8, bars.getHeight() - 30)); // in layer 1's slot
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Right.", text(robot, ".course-right"));
        robot.interact(() -> window.gradflow().pause());
        Screenshots.write(robot, stage.getScene(), "course-layer-en.png");
    }

    /** Part of the presentation test below (one window for both: a window costs seconds of the build). */
    private void aCourseFileWithAMistakeSaysWhereAndThePanelKeepsItsCourse(FxRobot robot) throws Exception {
        Path broken = dir.resolve("mine.course");
        Files.writeString(broken, "backprop-lab-course 1\nid: mine\ntitle: Mine\n== page\ntitle: One\n-- setup\n"
                + "tab: landscape\nsurface: volcano\n", StandardCharsets.UTF_8);
        window.courses().openCourse(broken).handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ErrorDialog.ID).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + ErrorDialog.ID).queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith("mine.course:8:10: \"surface\": expected one of bowl, ravine"),
                pane.getContentText());
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
        assertEquals("primer", window.course().course().id(), "the course open before stays");

        Files.writeString(broken, Files.readString(broken).replace("volcano", "bowl"), StandardCharsets.UTF_8);
        window.courses().openCourse(broken).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mine", window.course().course().id());
        assertEquals("Mine", text(robot, ".course-title"));
    }

    @Test
    void aSetupSavedFromATabOpensThatTabInTheSameState(FxRobot robot) throws Exception {
        robot.interact(() -> window.courses().apply(new Setup.LandscapeLab("double_well", null,
                new org.backproplab.labs.Landscape.XY(2, 1), 0.05, 0.8, List.of("momentum", "sgd"), 12)));
        Setup saved = window.courses().captureSetup();
        assertEquals(new Setup.LandscapeLab("double_well", null, new org.backproplab.labs.Landscape.XY(2, 1), 0.05,
                0.8, List.of("momentum", "sgd"), 12), saved);
        Path file = dir.resolve("well.bpsetup");
        window.courses().saveSetup(file, saved).get(10, TimeUnit.SECONDS);
        assertEquals(saved, SetupFile.read(file));
        robot.interact(() -> window.landscape().choosePreset(Surface.BOWL));
        window.courses().openSetup(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Surface.DOUBLE_WELL, window.landscape().preset());
        assertEquals(12, window.landscape().steps());

        robot.interact(() -> window.courses().apply(new Setup.StepThrough("02_sigmoid_neuron", 18,
                org.backproplab.nn.OptimizerKind.MOMENTUM, 0.05, org.backproplab.nn.Clipping.Mode.VALUE.with(0.5),
                false)));
        assertEquals(new Setup.StepThrough("02_sigmoid_neuron", 18, org.backproplab.nn.OptimizerKind.MOMENTUM, 0.05,
                org.backproplab.nn.Clipping.Mode.VALUE.with(0.5), false), window.courses().captureSetup());
        for (String tab : List.of(MainWindow.PLAYGROUND_TAB, MainWindow.GRADFLOW_TAB, MainWindow.MNIST_TAB)) {
            selectTab(robot, tab);
            Setup s = window.courses().captureSetup();
            robot.interact(() -> window.courses().apply(s));
            assertEquals(s, window.courses().captureSetup(), tab);
        }
        robot.interact(() -> window.gradflow().pause());
        assertNotNull(robot.lookup("#mainTabs").query());
        assertFalse(window.isCoursePanelShown());
    }

    @Test
    void thePanelStaysBesideTheTabsInPresentationModeItsKeysTurnThePagesAndABrokenCourseIsNamed(FxRobot robot) throws Exception {
        showPanel(robot);
        robot.interact(window::togglePresentation);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isPresenting());
        Node panel = robot.lookup("#coursePanel").query();
        assertTrue(panel.isVisible() && panel.getScene() == stage.getScene());
        robot.push(KeyCode.ALT, KeyCode.PAGE_DOWN);
        robot.push(KeyCode.ALT, KeyCode.PAGE_DOWN);
        robot.push(KeyCode.ALT, KeyCode.PAGE_UP);
        assertEquals(1, window.course().pageProperty().get());
        assertEquals("2 · The chain rule", text(robot, ".course-page-title"));
        robot.push(KeyCode.F9);
        assertFalse(window.isCoursePanelShown());
        assertTrue(robot.lookup("#coursePanel").tryQuery().map(n -> n.getScene() == null).orElse(true),
                "F9 takes the panel out");
        // Hidden, the panel turns no page out of sight: Alt+Page Down shows it at its page, the next one turns it.
        robot.push(KeyCode.ALT, KeyCode.PAGE_DOWN);
        assertTrue(window.isCoursePanelShown());
        assertEquals(1, window.course().pageProperty().get());
        assertEquals("2 · The chain rule", text(robot, ".course-page-title"));
        robot.push(KeyCode.ALT, KeyCode.PAGE_DOWN);
        assertEquals(2, window.course().pageProperty().get());
        robot.push(KeyCode.F9);
        robot.push(KeyCode.ALT, KeyCode.PAGE_UP);
        assertTrue(window.isCoursePanelShown());
        assertEquals(2, window.course().pageProperty().get());
        robot.interact(window::togglePresentation);
        aCourseFileWithAMistakeSaysWhereAndThePanelKeepsItsCourse(robot);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

}
