package org.backproplab.ui.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.backproplab.labs.LandscapeGrid;
import org.backproplab.labs.Surface;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.backproplab.ui.landscape.LandscapeTabModel.Racer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The landscape tab in the main window, headless: a click on the map sets the start, three optimizers race by Step and
 * by Play, a learning rate too large stops one racer with a message while the window goes on, the 3-D view turns by
 * drag and by key, the basin maps are drawn, the surface opens in the step-through view. Writes snapshot PNGs.
 */
class LandscapeTabTest extends MainWindowFixture {

    private LandscapeTabModel model;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        model = window.landscape();
    }

    private ContourView openTab(FxRobot robot) throws Exception {
        selectTab(robot, "landscapeTab");
        ContourView contour = robot.lookup("#lsContour").queryAs(ContourView.class);
        waitFor(20, () -> contour.screenPoint(0, 0) != null);
        return contour;
    }

    @Test
    void aClickSetsTheStartAndThreeOptimizersRace(FxRobot robot) throws Exception {
        ContourView contour = openTab(robot);
        Point2D where = contour.screenPoint(1.5, -1);
        robot.moveTo(where).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, model.start().x(), 0.05);
        assertEquals(-1, model.start().y(), 0.05);
        assertEquals(3, model.runs().size(), "gradient descent, momentum and Adam race by default");
        robot.clickOn("#lsStepButton"); // the first step writes its update under the map, which may resize it
        WaitForAsyncUtils.waitForFxEvents();
        SurfaceView3D surface = robot.lookup("#lsSurface3d").queryAs(SurfaceView3D.class);
        long[] baseDraws = {contour.baseDraws(), surface.baseDraws()};
        int[] resizes = new int[2]; // a view that changes size draws its base anew: that is not a step's doing
        contour.widthProperty().addListener((o, a, b) -> resizes[0]++);
        contour.heightProperty().addListener((o, a, b) -> resizes[0]++);
        surface.widthProperty().addListener((o, a, b) -> resizes[1]++);
        surface.heightProperty().addListener((o, a, b) -> resizes[1]++);
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#lsStepButton");
        }
        assertEquals(5, model.steps());
        assertTrue(contour.baseDraws() - baseDraws[0] <= resizes[0],
                "a step redraws the paths, not the map under them: " + (contour.baseDraws() - baseDraws[0])
                        + " base draws in 4 steps, " + resizes[0] + " size changes");
        assertTrue(surface.baseDraws() - baseDraws[1] <= resizes[1], "nor the 3-D surface: "
                + (surface.baseDraws() - baseDraws[1]) + " base draws in 4 steps, " + resizes[1] + " size changes");
        model.runs().forEach(r -> assertEquals(6, r.points().size(), r.racer().toString()));
        assertTrue(text(robot, "#lsWritten").startsWith("Momentum: v ← μ·v + g"), text(robot, "#lsWritten"));
        long played = System.nanoTime();
        int before = model.steps();
        robot.clickOn("#lsPlayButton");
        waitFor(WAIT_SECONDS, () -> model.steps() > 60);
        robot.clickOn("#lsPlayButton");
        int stopped = model.steps();
        System.out.printf(java.util.Locale.ROOT, "landscape tab (JavaFX, headless): Play made %.0f steps a second "
                + "(at most one a frame, 60)%n", (stopped - before) / ((System.nanoTime() - played) / 1e9));
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(stopped, model.steps(), "paused");
    }

    @Test
    void aLearningRateTooLargeStopsOneRacerWithAMessageAndTheWindowGoesOn(FxRobot robot) throws Exception {
        openTab(robot);
        robot.interact(() -> {
            model.choosePreset(Surface.ROSENBROCK);
            model.setSettings(model.settings().withLearningRate(0.01));
        });
        robot.clickOn("#lsPlayButton");
        waitFor(WAIT_SECONDS, () -> !model.stopped().isEmpty() && model.steps() > 100);
        robot.clickOn("#lsPlayButton");
        String status = text(robot, "#lsStatus");
        assertTrue(status.contains("Gradient descent: a value stopped being finite at update "), status);
        robot.clickOn("#lsResetButton");
        assertEquals(0, model.steps(), "the window still answers");
    }

    @Test
    void theThreeDViewTurnsByDragAndByKey(FxRobot robot) throws Exception {
        openTab(robot);
        selectView(robot, "ls3dTab");
        SurfaceView3D view = robot.lookup("#lsSurface3d").queryAs(SurfaceView3D.class);
        double yaw = view.yawProperty().get();
        robot.drag(view).moveBy(80, 0).release(MouseButton.PRIMARY);
        double dragged = view.yawProperty().get();
        assertNotEquals(yaw, dragged, "a drag turns it");
        robot.clickOn(view);
        assertTrue(view.isFocused(), "a click focuses it: " + stage.getScene().getFocusOwner());
        robot.type(KeyCode.LEFT);
        assertEquals(dragged - 10, view.yawProperty().get(), 1e-9, "← turns it");
        double pitch = view.pitchProperty().get();
        robot.type(KeyCode.DOWN);
        assertEquals(pitch - 10, view.pitchProperty().get(), 1e-9, "↓ tilts it");
    }

    @Test
    void theBasinMapsAreDrawnAndTheSurfaceOpensInTheStepThroughView(FxRobot robot) throws Exception {
        openTab(robot);
        selectView(robot, "lsBasinsTab");
        robot.clickOn("#lsBasinsButton");
        BasinView gd = robot.lookup("#lsBasinsGd").queryAs(BasinView.class);
        waitFor(WAIT_SECONDS, () -> gd.basins() != null);
        LandscapeGrid.Basins b = gd.basins();
        assertEquals(100, b.nx());
        assertEquals(1, b.at(99, 50), "on the double well, gradient descent from the right ends in the local minimum");
        assertEquals(0, b.at(0, 50), "and from the left in the global one");
        selectView(robot, "lsPathsTab");
        robot.interact(() -> model.follow(Racer.ADAM));
        robot.clickOn("#lsOpenButton");
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals("stepperTab", tabs.getSelectionModel().getSelectedItem().getId());
        assertNotNull(window.stepper().lessonReference());
    }

    @Test
    void snapshotsInBothLanguages(FxRobot robot) throws Exception {
        for (Language language : Language.values()) {
            robot.interact(() -> window.switchLanguage(language));
            model = window.landscape();
            String tag = language == Language.ENGLISH ? "en" : "zh_CN";
            openTab(robot);
            robot.interact(() -> {
                model.choosePreset(Surface.DOUBLE_WELL);
                model.setRacing(Racer.NEWTON, true);
                model.follow(Racer.MOMENTUM);
                for (int i = 0; i < 40; i++) {
                    model.step();
                }
            });
            Screenshots.write(robot, stage.getScene(), "landscape-race-" + tag + ".png");
            selectView(robot, "ls3dTab");
            Screenshots.write(robot, stage.getScene(), "landscape-3d-" + tag + ".png");
            selectView(robot, "lsBasinsTab");
            robot.clickOn("#lsBasinsButton");
            BasinView gd = robot.lookup("#lsBasinsGd").queryAs(BasinView.class);
            BasinView momentum = robot.lookup("#lsBasinsMomentum").queryAs(BasinView.class);
            waitFor(WAIT_SECONDS, () -> momentum.basins() != null && gd.basins() != null);
            Screenshots.write(robot, stage.getScene(), "landscape-basins-" + tag + ".png");
            selectView(robot, "lsMomentumTab");
            robot.clickOn("#lsSweepButton");
            waitFor(30, () -> !text(robot, "#lsSweepNote").isEmpty());
            Screenshots.write(robot, stage.getScene(), "landscape-momentum-" + tag + ".png");
            selectView(robot, "lsNetworkTab");
            robot.clickOn("#lsSliceButton");
            waitFor(WAIT_SECONDS, () -> !text(robot, "#lsSliceNote").isEmpty());
            Screenshots.write(robot, stage.getScene(), "landscape-network-" + tag + ".png");
            selectView(robot, "lsPathsTab");
        }
    }

    @Test
    void theNetworksSliceIsCentredOnItsOwnLoss(FxRobot robot) throws Exception {
        openTab(robot);
        selectView(robot, "lsNetworkTab");
        robot.clickOn("#lsSliceRandomButton");
        waitFor(WAIT_SECONDS, () -> !text(robot, "#lsSliceNote").isEmpty());
        org.backproplab.labs.Playground net = org.backproplab.labs.LossSlice.playground(
                org.backproplab.data.ToyData.Kind.CIRCLE, 10, 1);
        for (int e = 0; e < LandscapeAnalyses.SLICE_EPOCHS; e++) {
            net.epoch();
        }
        ContourView view = robot.lookup("#lsSlice").queryAs(ContourView.class);
        int middle = LandscapeAnalyses.SLICE_GRID / 2;
        assertEquals(net.loss(false), view.values().at(middle, middle), "the centre is the trained network's loss");
        assertTrue(text(robot, "#lsSliceNote").contains(org.backproplab.engine.Numbers.significant(net.loss(false), 4)));
    }

    private static void selectView(FxRobot robot, String id) {
        TabPane views = robot.lookup("#lsViews").queryAs(TabPane.class);
        Tab tab = views.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> views.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
