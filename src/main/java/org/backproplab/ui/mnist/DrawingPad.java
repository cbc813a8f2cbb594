package org.backproplab.ui.mnist;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * A square to draw a digit on with the mouse. It shows the model's {@link Sketch} (ink on white), so what you see
 * is exactly what is downsampled for the network; strokes go to the model as commands. Tab reaches it, and Delete
 * or Backspace clears it (drawing itself needs a pointer).
 */
public final class DrawingPad extends StackPane {

    /** Receives strokes in pad pixels. */
    public interface StrokeListener {
        void stroke(double x0, double y0, double x1, double y1);
    }

    private final Canvas canvas = new Canvas(MnistTabModel.PAD_SIZE, MnistTabModel.PAD_SIZE);
    private StrokeListener listener = (a, b, c, d) -> { };
    private Runnable onClear = () -> { };
    private double lastX;
    private double lastY;

    public DrawingPad() {
        getStyleClass().add("drawing-pad");
        getChildren().add(canvas);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setCursor(javafx.scene.Cursor.CROSSHAIR);
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                onClear.run();
                e.consume();
            }
        });
    }

    /** What Delete or Backspace does: clear the drawing. */
    public void setOnClear(Runnable onClear) {
        this.onClear = onClear;
    }

    public void setOnStroke(StrokeListener listener) {
        this.listener = listener;
    }

    /** Paints the ink of a sketch (of the pad's size). */
    public void paint(Sketch sketch) {
        int side = sketch.size();
        int[] px = ColorMap.inkImage(sketch.ink());
        canvas.getGraphicsContext2D().getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(),
                px, 0, side);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus(); // so that Delete clears what was just drawn
        lastX = e.getX();
        lastY = e.getY();
        listener.stroke(lastX, lastY, lastX, lastY);
    }

    private void dragged(MouseEvent e) {
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        listener.stroke(lastX, lastY, e.getX(), e.getY());
        lastX = e.getX();
        lastY = e.getY();
    }
}
