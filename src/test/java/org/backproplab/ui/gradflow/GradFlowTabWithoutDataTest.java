package org.backproplab.ui.gradflow;

import static org.backproplab.ui.MainWindowFixture.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.Resources;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab on its own, pointed at a folder without the MNIST files: it says so, nothing starts, and a 2-D dataset
 * works all the same. Asking to open a lesson goes to the opener handed in.
 */
@ExtendWith(ApplicationExtension.class)
class GradFlowTabWithoutDataTest {

    @TempDir
    static Path empty;

    private GradFlowTabModel model;
    private Scene scene;
    private String opened;

    @Start
    void start(Stage stage) throws IOException {
        model = new GradFlowTabModel(empty, (name, text) -> {
            opened = name;
            return true;
        });
        FXMLLoader loader = new FXMLLoader(Resources.url(GradFlowResourcesTest.FXML), Resources.messages(Locale.ENGLISH));
        loader.setControllerFactory(type -> new GradFlowTabController(model));
        Parent root = loader.load();
        scene = new Scene(root, 1100, 700);
        scene.getStylesheets().add(Resources.externalForm(Resources.APP_CSS));
        stage.setScene(scene);
        stage.show();
        model.setShown(true);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(model::shutdown);
    }

    @Test
    void missingMnistIsExplainedAndTheToyDatasetsStillWork(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> model.dataStateProperty().get() == BackgroundLoad.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gfBanner").query().isVisible());
        assertEquals("The MNIST files could not be read", text(robot, "#gfBannerTitle"));
        String detail = text(robot, "#gfBannerDetail");
        assertTrue(detail.contains(empty.toAbsolutePath().normalize().toString()), "names the folder: " + detail);
        assertFalse(detail.contains("Exception"), detail);
        assertEquals("No MNIST images: choose a 2-D dataset.", text(robot, "#gfRunStatusLabel"));
        assertTrue(robot.lookup("#gfPlayButton").queryAs(Button.class).isDisabled());
        robot.interact(model::play); // a command that cannot run does nothing
        assertEquals(GradFlowTabModel.RunState.WAITING, model.runStateProperty().get());
        Screenshots.write(robot, scene, "gradflow-missing-data.png");

        robot.interact(() -> {
            model.form().datasetProperty().set(Dataset.XOR);
            model.form().a().depthProperty().set(4);
            model.form().a().widthProperty().set(8);
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !model.runsProperty().get().isEmpty()
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#gfBanner").query().isVisible(), "the toy data need no files");
        assertEquals(4, robot.lookup("#gfGradBarsA").queryAs(LayerBars.class).values().length);
        robot.clickOn("#gfStepButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.runsProperty().get().get(0).steps() == 1);
        robot.clickOn("#gfOpenA");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> "gradflow-A.bp".equals(opened));
    }

    @Test
    void aWrongFieldIsNamedAndHoldsTheLab(FxRobot robot) throws Exception {
        robot.interact(() -> model.form().datasetProperty().set(Dataset.MOONS));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.runStateProperty().get()
                == GradFlowTabModel.RunState.PAUSED);
        robot.interact(() -> model.form().compareProperty().set(true));
        robot.interact(() -> model.form().b().learningRateProperty().set("fast"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Configuration B: The learning rate is a number above 0 and at most 10, like 0.1.",
                text(robot, "#gfProblemLabel"));
        assertTrue(robot.lookup("#gfLearningRateB").query().getStyleClass().contains("invalid"));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.runStateProperty().get()
                == GradFlowTabModel.RunState.WAITING);
        WaitForAsyncUtils.waitForFxEvents(); // the state is set on the FX thread; the status line follows it there
        assertEquals("Fix the settings to go on.", text(robot, "#gfRunStatusLabel"));
        robot.interact(() -> model.form().b().learningRateProperty().set("0.01"));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.runsProperty().get().size() == 2
                && model.runStateProperty().get() == GradFlowTabModel.RunState.PAUSED);
        assertFalse(robot.lookup("#gfProblemLabel").query().isVisible());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
