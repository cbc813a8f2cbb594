package org.backproplab.ui.mnist;

import static org.backproplab.ui.MainWindowFixture.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tab on its own, pointed at a folder without the MNIST files: it says so in the tab, without a stack trace. */
@ExtendWith(ApplicationExtension.class)
class MnistTabWithoutDataTest {

    static final String FXML = "/org/backproplab/ui/mnist/mnist-tab.fxml";

    @TempDir
    static Path empty;

    private MnistTabModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws IOException {
        model = new MnistTabModel(empty);
        FXMLLoader loader = new FXMLLoader(Resources.url(FXML), Resources.messages(Locale.ENGLISH));
        loader.setControllerFactory(type -> new MnistTabController(model));
        Parent root = loader.load();
        scene = new Scene(root, 1000, 560);
        scene.getStylesheets().add(Resources.externalForm(Resources.APP_CSS));
        stage.setScene(scene);
        stage.show();
        model.loadData();
    }

    @Test
    void missingFilesAreExplainedInTheTabAndTrainingCannotStart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> model.dataStateProperty().get() == BackgroundLoad.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#banner").query().isVisible());
        assertEquals("The MNIST files could not be read", text(robot, "#bannerTitle"));
        String detail = text(robot, "#bannerDetail");
        assertTrue(detail.startsWith("train-images-idx3-ubyte.gz: no such file"), detail);
        assertTrue(detail.contains(empty.toAbsolutePath().normalize().toString()), "names the folder: " + detail);
        assertTrue(!detail.contains("Exception") && !detail.contains("\tat "), "no stack trace: " + detail);
        assertEquals("No MNIST images: training is not possible.", text(robot, "#runStatusLabel"));
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        robot.interact(model::start); // a command that cannot run does nothing
        assertEquals(MnistTabModel.RunState.IDLE, model.runStateProperty().get());

        org.backproplab.ui.Screenshots.write(robot, scene, "mnist-missing-data.png");
    }

    @Test
    void aModelOpensWithoutTheTestImagesForTheDrawingPad(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> model.dataStateProperty().get() == BackgroundLoad.State.FAILED);
        Path file = empty.resolve("m.bpmodel");
        org.backproplab.nn.TrainingConfig config = org.backproplab.nn.TrainingConfig.defaults(new int[] {784, 5, 10});
        org.backproplab.nn.ModelFile.save(new org.backproplab.nn.Model(config, config.buildNetwork()), file);
        var opened = WaitForAsyncUtils.asyncFx(() -> model.openModel(file));
        opened.get(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Showing the model from m.bpmodel (784-5-10).", text(robot, "#runStatusLabel"));
        assertTrue(!model.testingModelProperty().get(), "nothing to test it on");
        robot.interact(() -> {
            model.selectedViewProperty().set(MnistTabModel.View.DRAW);
            model.stroke(100, 60, 120, 200);
        });
        assertEquals(10, model.drawnProbabilitiesProperty().get().length);
        assertTrue(!robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled(), "an opened model saves again");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
