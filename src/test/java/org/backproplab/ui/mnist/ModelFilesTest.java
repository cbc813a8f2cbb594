package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.backproplab.engine.Tensor;
import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Model;
import org.backproplab.nn.ModelFile;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Save model and Open model in the MNIST tab, headless, driven with paths in place of the native chooser: a model
 * saved from a run opens back into every view with the same weights and guesses, is tested on the test images, and
 * saves again bit for bit; a corrupt, foreign or non-MNIST file shows the error dialog and changes nothing.
 */
class ModelFilesTest extends MainWindowFixture {

    @TempDir
    Path dir;
    private MnistTabModel model;
    private ModelFileCommands commands;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        model = window.mnist();
        commands = new ModelFileCommands(model, window.messages(), () -> stage, text -> { });
    }

    @AfterEach
    void stopAndCloseDialogs(FxRobot robot) throws Exception {
        robot.interact(model::stop);
        waitFor(WAIT_SECONDS, () -> !model.trainingBinding().get());
        closeOtherWindows(robot);
    }

    @Test
    void aModelSavedFromARunOpensBackIntoEveryView(FxRobot robot) throws Exception {
        openTab(robot);
        assertTrue(button(robot, "#saveModelButton").isDisabled(), "nothing to save before a run");
        train(robot, "784,12,10");
        assertFalse(button(robot, "#saveModelButton").isDisabled());
        WeightsSnapshot trained = model.shownWeights();
        Path file = dir.resolve("small.bpmodel");
        await(() -> commands.save(file));
        Model saved = ModelFile.load(file);
        assertSameWeights(trained.toModel(), saved);
        List<MnistTabModel.DigitCell> guesses = digits(robot);

        train(robot, "784,8,10"); // another model in the views
        assertEquals(8, model.shownWeights().config().layers()[1]);
        await(() -> commands.open(file));
        waitFor(30, () -> !model.testingModelProperty().get());

        assertEquals("small.bpmodel", model.openedModelProperty().get());
        assertSameWeights(saved, model.shownWeights().toModel());
        assertTrue(model.lossPoints().isEmpty(), "the last run's curves are not this model's");
        for (String chart : List.of("#lossChart", "#accuracyChart")) { // drawn empty: no line is left over
            assertTrue(robot.lookup(chart).lookup(".chart-series-line").queryAll().stream()
                    .allMatch(n -> ((javafx.scene.shape.Path) n).getElements().size() <= 1), chart);
        }
        Evaluation expected = Evaluation.of(ModelFile.load(file), model.testExamples());
        assertEquals(expected.accuracy(), model.testAccuracyProperty().get());
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                assertEquals(expected.confusion()[t][p], model.confusionProperty().get().count(t, p));
            }
        }
        assertEquals("Showing the model from small.bpmodel (784-12-10).", label(robot, "#runStatusLabel"));
        Screenshots.write(robot, stage.getScene(), "model-opened.png");
        List<MnistTabModel.DigitCell> reopened = digits(robot);
        for (int i = 0; i < guesses.size(); i++) {
            assertEquals(guesses.get(i).prediction(), reopened.get(i).prediction(), "test digit " + i);
        }

        Path again = dir.resolve("again.bpmodel");
        await(() -> commands.save(again));
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "saved again, the same bytes");
    }

    @Test
    void aCorruptForeignOrNonMnistFileSaysWhyAndChangesNothing(FxRobot robot) throws Exception {
        openTab(robot);
        Path good = dir.resolve("good.bpmodel");
        TrainingConfig config = TrainingConfig.defaults(new int[] {784, 6, 10});
        ModelFile.save(new Model(config, config.buildNetwork()), good);
        await(() -> commands.open(good));
        WeightsSnapshot shown = model.shownWeights();

        Path truncated = dir.resolve("cut.bpmodel");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(robot, truncated, "cut.bpmodel: truncated: the file ends before the model does");

        Path session = dir.resolve("lesson.bpsession");
        Files.writeString(session, "backprop-lab-session 1\n");
        assertRefused(robot, session,
                "lesson.bpsession: not a Backprop Lab model file (it does not start with \"BPLAB-MODEL\")");

        Path toy = dir.resolve("toy.bpmodel");
        TrainingConfig small = TrainingConfig.defaults(new int[] {2, 4, 3});
        ModelFile.save(new Model(small, small.buildNetwork()), toy);
        assertRefused(robot, toy, "The model in toy.bpmodel takes 2 inputs and gives 3 outputs; "
                + "the MNIST tab needs 784 pixels in and 10 digits out.");

        assertSame(shown, model.shownWeights(), "the views still show the model opened before");
        assertEquals("good.bpmodel", model.openedModelProperty().get());
    }

    @Test
    void openIsOffWhileARunTrains(FxRobot robot) throws Exception {
        openTab(robot);
        robot.interact(() -> {
            model.form().layersProperty().set("784,8,10");
            model.form().epochsProperty().set("500");
            model.trainingLimitProperty().set(3000);
            model.start();
        });
        waitFor(WAIT_SECONDS, () -> model.progressProperty().get() != null);
        assertTrue(button(robot, "#openModelButton").isDisabled());
        Path file = dir.resolve("any.bpmodel");
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(() -> model.openModel(file)));
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        robot.interact(model::stop);
        waitFor(WAIT_SECONDS, () -> !model.trainingBinding().get());
        assertFalse(button(robot, "#openModelButton").isDisabled());
    }

    /** The dialog says so (the last one is drawn to model-error.png), and it is closed. */
    private void assertRefused(FxRobot robot, Path file, String message) throws Exception {
        assertThrows(ExecutionException.class, () -> await(() -> commands.open(file)));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertEquals("Could not open the model", pane.getHeaderText());
        assertEquals(message, pane.getContentText());
        Screenshots.write(robot, pane.getScene(), "model-error.png");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
    }

    private static void assertSameWeights(Model expected, Model actual) {
        assertEquals(expected.config(), actual.config());
        List<Tensor> a = expected.network().parameters();
        List<Tensor> b = actual.network().parameters();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().toDoubles(), b.get(i).value().toDoubles(), a.get(i).name());
        }
    }

    /** A short run on the first 2,000 training images. */
    private void train(FxRobot robot, String layers) throws Exception {
        robot.interact(() -> {
            model.form().layersProperty().set(layers);
            model.form().epochsProperty().set("1");
            model.trainingLimitProperty().set(2000);
            model.start();
        });
        waitFor(WAIT_SECONDS, () -> model.runStateProperty().get() == MnistTabModel.RunState.FINISHED);
    }

    private List<MnistTabModel.DigitCell> digits(FxRobot robot) {
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        Tab digits = views.getTabs().stream().filter(t -> "digitsTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> views.getSelectionModel().select(digits));
        List<MnistTabModel.DigitCell> cells = model.digitsProperty().get();
        assertTrue(cells.stream().allMatch(c -> c.prediction() != null));
        robot.interact(() -> views.getSelectionModel().select(0));
        return cells;
    }

    private void openTab(FxRobot robot) throws Exception {
        selectTab(robot, "mnistTab");
        waitFor(20, () -> model.dataStateProperty().get() == BackgroundLoad.State.READY);
        assertNotNull(model.testExamples());
    }

    private static void await(Supplier<CompletableFuture<Void>> command) throws Exception {
        var started = WaitForAsyncUtils.asyncFx(command::get);
        try {
            started.get(5, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        } finally {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

}
