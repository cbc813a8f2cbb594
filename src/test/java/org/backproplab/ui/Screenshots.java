package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes a scene as drawn (with the app's PNG writer, {@link Png}) to a PNG under {@code target/screenshots}, or under the folder named by the system
 * property {@code backproplab.screenshots} (the README's screenshots are made with {@code screenshots}).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("backproplab.screenshots", "target/screenshots"));
    }

    public static BufferedImage write(FxRobot robot, Scene scene, String fileName) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        Path file = folder().resolve(fileName);
        Png.write(image[0], file);
        assertTrue(Files.size(file) > 0);
        return SwingFXUtils.fromFXImage(image[0], null);
    }
}
