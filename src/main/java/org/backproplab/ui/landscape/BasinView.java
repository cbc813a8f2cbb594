package org.backproplab.ui.landscape;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.backproplab.labs.LandscapeGrid;

/**
 * A basin-of-attraction map: each start of the grid coloured by the minimum its path ends near (one colour per
 * minimum, the minimum itself marked), light grey where it ends near none, dark where it diverged.
 */
final class BasinView extends CanvasView {

    static final Color OTHER = Color.gray(0.85);
    static final Color DIVERGED = Color.gray(0.2);
    private LandscapeGrid.Basins basins;
    private WritableImage image;

    BasinView() {
        super("landscape-basins", 160, 140);
    }

    LandscapeGrid.Basins basins() {
        return basins;
    }

    void setBasins(LandscapeGrid.Basins b) {
        basins = b;
        image = b == null ? null : image(b);
        draw();
    }

    static Color colour(int ending) {
        return ending == LandscapeGrid.Basins.DIVERGED ? DIVERGED
                : ending == LandscapeGrid.Basins.OTHER ? OTHER : RacerColours.basin(ending);
    }

    private static WritableImage image(LandscapeGrid.Basins b) {
        WritableImage img = new WritableImage(b.nx(), b.ny());
        PixelWriter w = img.getPixelWriter();
        for (int j = 0; j < b.ny(); j++) {
            for (int i = 0; i < b.nx(); i++) {
                w.setColor(i, b.ny() - 1 - j, colour(b.at(i, j)));
            }
        }
        return img;
    }

    @Override
    void drawBase(GraphicsContext g) {
        if (basins == null || base.getWidth() < 80) {
            return;
        }
        double side = Math.min(base.getWidth() - PlotFrame.LEFT - 8, base.getHeight() - PlotFrame.TOP
                - PlotFrame.BOTTOM);
        PlotFrame frame = new PlotFrame(basins.window(), PlotFrame.LEFT, PlotFrame.TOP, side, side);
        g.setImageSmoothing(false);
        g.drawImage(image, frame.left, frame.top, frame.width, frame.height);
        frame.axes(g, Color.gray(0.35));
        basins.minima().forEach(m -> frame.landmark(g, m));
    }
}
