package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.backproplab.ui.BackgroundLoad;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindowFixture;
import org.backproplab.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The MNIST tab's Batch sizes view: a bad field is named; Compare races the batch sizes off the FX thread (the window
 * answers) with progress, fills both charts and the table; Cancel stops a long one. One window for all (the data
 * loads once). Writes snapshot PNGs.
 */
class BatchSizeViewTest extends MainWindowFixture {

    private MnistTabModel model;

    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
        model = window.mnist();
    }

    private void openView(FxRobot robot) throws Exception {
        selectTab(robot, "mnistTab");
        waitFor(30, () -> model.dataStateProperty().get() == BackgroundLoad.State.READY);
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> views.getSelectionModel().select(views.getTabs().stream()
                .filter(t -> "batchesTab".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void compareFillsBothChartsAndTheTableABadFieldIsNamedAndCancelStops(FxRobot robot) throws Exception {
        openView(robot);
        TextField sizes = robot.lookup("#batchSizesField").queryAs(TextField.class);
        TextField seconds = robot.lookup("#batchSecondsField").queryAs(TextField.class);
        robot.interact(() -> {
            sizes.setText("1, 32, zero");
            seconds.setText("0.3");
        });
        robot.clickOn("#batchCompareButton");
        assertEquals("A batch size is a whole number from 1 to the number of training images, not \"zero\".",
                text(robot, "#batchNote"));
        assertFalse(model.batchSizes().runningProperty().get());

        robot.interact(() -> sizes.setText("1, 32, 128, 1024, 60000"));
        robot.clickOn("#batchCompareButton");
        assertNull(model.batchSizes().problemProperty().get());
        robot.interact(() -> { }); // the FX thread answers while the race runs
        waitFor(WAIT_SECONDS, () -> !model.batchSizes().runningProperty().get());
        List<BatchSizeComparison.Lane> lanes = model.batchSizes().lanesProperty().get().lanes();
        assertEquals(List.of(1, 32, 128, 1024, 60000), lanes.stream().map(BatchSizeComparison.Lane::batchSize).toList());
        for (BatchSizeComparison.Lane lane : lanes) {
            assertTrue(lane.result() != null && lane.result().steps() >= 1, "batch " + lane.batchSize());
            assertTrue(lane.result().steps() >= 0.3 / lane.result().stepSeconds() - 1e-9, "steps fill 0.3 s");
        }
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#batchSecondsChart").queryAs(LineChart.class);
        assertEquals(5, chart.getData().size());
        assertEquals("batch 60,000", chart.getData().get(4).getName());
        assertEquals(6 * 6, robot.lookup("#batchTable").queryAs(javafx.scene.layout.GridPane.class).getChildren()
                .size(), "a header row and a row a batch size, six columns");
        assertTrue(text(robot, "#batchNote").startsWith("Each line is one batch size"));
        Screenshots.write(robot, stage.getScene(), "mnist-batch-sizes.png");
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#batchNote").startsWith("每条线是一个批大小"), text(robot, "#batchNote"));
        Screenshots.write(robot, stage.getScene(), "mnist-batch-sizes-zh_CN.png");

        // Cancel stops a long comparison after the step it is on; the lanes after it are not run
        robot.interact(() -> {
            model.batchSizes().sizesProperty().set("32, 64");
            model.batchSizes().secondsProperty().set("60");
        });
        robot.clickOn("#batchCompareButton");
        waitFor(WAIT_SECONDS, () -> !model.batchSizes().lanesProperty().get().lanes().isEmpty());
        robot.clickOn("#batchCancelButton");
        waitFor(WAIT_SECONDS, () -> !model.batchSizes().runningProperty().get());
        List<BatchSizeComparison.Lane> cancelled = model.batchSizes().lanesProperty().get().lanes();
        assertEquals(1, cancelled.size(), "the second batch size is not run");
        assertTrue(cancelled.get(0).result().cancelled());
        assertTrue(cancelled.get(0).result().seconds() < 60);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
