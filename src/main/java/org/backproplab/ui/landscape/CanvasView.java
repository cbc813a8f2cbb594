package org.backproplab.ui.landscape;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A drawing that fills its region: the canvas follows the region's size and is drawn again at each layout. */
abstract class CanvasView extends Region {

    protected final Canvas canvas = new Canvas();

    CanvasView(String styleClass, double minWidth, double minHeight) {
        getChildren().add(canvas);
        getStyleClass().add(styleClass);
        setMinSize(minWidth, minHeight);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Draws everything from the view's state. */
    abstract void draw();
}
