package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.backproplab.stepper.LossHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Both looks of the loss chart, drawn headless to {@code loss-chart-*.png}: the lines land where their losses
 * say, in their colours, and an empty chart draws no line.
 */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {

    private static final int W = 420;
    private static final int H = 160;

    private final Pane holder = new Pane();

    @Start
    void start(Stage stage) {
        // the main window's size: a test that shrank the shared stage would race the next one's first paint
        stage.setScene(new Scene(holder, 1280, 800));
        stage.show();
    }

    private static LossHistory falling(int n, double scale, double floor) {
        LossHistory h = new LossHistory();
        for (int i = 0; i < n; i++) {
            h.add(scale * Math.exp(-i / 30.0) + floor + 0.05 * Math.sin(i));
        }
        return h;
    }

    /** The chart alone, W × H, as a PNG under the screenshots folder. */
    private BufferedImage draw(FxRobot robot, LossChart chart, String name) throws Exception {
        robot.interact(() -> {
            chart.setPrefSize(W, H);
            holder.getChildren().setAll(chart);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = chart.snapshot(null, null));
        Png.write(image[0], Screenshots.folder().resolve(name));
        assertEquals(W, (int) image[0].getWidth());
        assertEquals(H, (int) image[0].getHeight());
        return SwingFXUtils.fromFXImage(image[0], null);
    }

    /** How many pixels of column x (from y0 to y1) have this colour, give or take antialiasing. */
    private static int pixels(BufferedImage image, int x, int y0, int y1, javafx.scene.paint.Color colour) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            int rgb = image.getRGB(x, y);
            double dr = ((rgb >> 16) & 0xff) / 255.0 - colour.getRed();
            double dg = ((rgb >> 8) & 0xff) / 255.0 - colour.getGreen();
            double db = (rgb & 0xff) / 255.0 - colour.getBlue();
            if (dr * dr + dg * dg + db * db < 0.01) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theStepperLookScalesOneLineFromItsSmallestToItsLargestLoss(FxRobot robot) throws Exception {
        LossChart chart = new LossChart(LossChart.Look.MIN_TO_MAX);
        robot.interact(() -> chart.show(300, falling(300, 2, 0.1)));
        BufferedImage image = draw(robot, chart, "loss-chart-min-to-max.png");
        javafx.scene.paint.Color blue = LossChart.Look.MIN_TO_MAX.line(0);
        // the first loss is the largest: the line starts at the top of the plot (8 px down), the left margin 74 px
        assertTrue(pixels(image, 75, 4, 14, blue) > 0, "the first loss at the top");
        assertEquals(0, pixels(image, 75, 30, H, blue), "nothing lower at the first iteration");
        assertTrue(pixels(image, W - 20, H - 40, H - 18, blue) > 0, "the last losses near the bottom");
    }

    @Test
    void thePlaygroundLookDrawsBothLossesOnOneScaleFromZero(FxRobot robot) throws Exception {
        LossChart chart = new LossChart(LossChart.Look.FROM_ZERO);
        // training settles at 0.5, test at 1.0, of a largest loss of 2 (test's first): test's line is the higher
        robot.interact(() -> chart.show(200, falling(200, 0.5, 0.5), falling(200, 1, 1)));
        BufferedImage image = draw(robot, chart, "loss-chart-from-zero.png");
        int plotBottom = H - 16;
        int plotH = plotBottom - 6;
        int x = W - 30;
        int testY = firstRow(image, x, LossChart.Look.FROM_ZERO.line(1));
        int trainY = lastRow(image, x, LossChart.Look.FROM_ZERO.line(0)); // below the test line's blurred edge
        assertTrue(Math.abs(testY - (plotBottom - plotH * 1.0 / 2.0)) < 8, "test at 1.0 of 2: half way, y " + testY);
        assertTrue(Math.abs(trainY - (plotBottom - plotH * 0.5 / 2.0)) < 8, "train at 0.5 of 2: a quarter, y " + trainY);
    }

    @Test
    void anEmptyChartSaysSoAndDrawsNoLine(FxRobot robot) throws Exception {
        LossChart chart = new LossChart(LossChart.Look.MIN_TO_MAX);
        robot.interact(() -> {
            chart.setEmptyText("no loss yet");
            chart.show(0, new LossHistory());
        });
        BufferedImage image = draw(robot, chart, "loss-chart-empty.png");
        for (int x = 80; x < W - 12; x += 5) {
            assertEquals(0, pixels(image, x, 0, H, LossChart.Look.MIN_TO_MAX.line(0)), "a line at x " + x);
        }
        assertFalse(chart.getStyleClass().contains(Styles.PLAYGROUND_LOSS_PLOT));
    }

    private static int lastRow(BufferedImage image, int x, javafx.scene.paint.Color colour) {
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            if (pixels(image, x, y, y + 1, colour) > 0) {
                return y;
            }
        }
        return -1;
    }

    private static int firstRow(BufferedImage image, int x, javafx.scene.paint.Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            if (pixels(image, x, y, y + 1, colour) > 0) {
                return y;
            }
        }
        return -1;
    }
}
