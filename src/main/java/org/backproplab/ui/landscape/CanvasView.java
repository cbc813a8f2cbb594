package org.backproplab.ui.landscape;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A drawing that fills its region, in two layers: the base (a surface, its contour lines and axes), drawn again only
 * when it or the size changes, and over it the overlay (the racers' paths and arrows), drawn again at every step. A
 * canvas keeps what was drawn on it, so a step of a race repaints only its paths: redrawing thousands of contour
 * segments and 3-D quads at each step held Play to 13–18 steps a second on a software-rendered window.
 */
abstract class CanvasView extends Region {

    /** The layer that changes seldom; it takes the mouse. */
    protected final Canvas base = new Canvas();
    /** The layer that moves at each step, transparent to the mouse. */
    protected final Canvas overlay = new Canvas();
    private long baseDraws;

    CanvasView(String styleClass, double minWidth, double minHeight) {
        overlay.setMouseTransparent(true);
        getChildren().addAll(base, overlay);
        getStyleClass().add(styleClass);
        setMinSize(minWidth, minHeight);
    }

    @Override
    protected void layoutChildren() {
        if (base.getWidth() != getWidth() || base.getHeight() != getHeight()) {
            for (Canvas c : new Canvas[] {base, overlay}) {
                c.setWidth(getWidth());
                c.setHeight(getHeight());
            }
            draw();
        }
    }

    /** Draws both layers from the view's state. */
    final void draw() {
        baseDraws++;
        drawBase(cleared(base));
        drawOverlay(cleared(overlay));
    }

    /** Draws the overlay again alone: what a step of a race changes. */
    final void drawOverlay() {
        drawOverlay(cleared(overlay));
    }

    /** How often the base has been drawn: a test checks that a step of a race leaves it alone. */
    long baseDraws() {
        return baseDraws;
    }

    private static GraphicsContext cleared(Canvas c) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        return g;
    }

    /** Draws the base layer on its cleared canvas. */
    abstract void drawBase(GraphicsContext g);

    /** Draws the overlay on its cleared canvas, after the base; nothing unless a view has moving parts. */
    void drawOverlay(GraphicsContext g) {
    }

    /**
     * A path begun on a canvas whose segments under half a pixel are left out: a long run's thousands of steps near a
     * minimum fall on a few pixels, so a frame of Play costs what can be seen, not the length of the run.
     */
    static final class Polyline {
        private final GraphicsContext g;
        private boolean begun;
        private double x;
        private double y;
        /** A point left out so far: {@link #stroke} still draws to the last one, where the path's dot is. */
        private boolean pending;
        private double pendingX;
        private double pendingY;

        Polyline(GraphicsContext g) {
            this.g = g;
            g.beginPath();
        }

        /** The next point. */
        void to(double nextX, double nextY) {
            if (!begun) {
                g.moveTo(nextX, nextY);
                begun = true;
            } else if (Math.abs(nextX - x) + Math.abs(nextY - y) >= 0.5) {
                g.lineTo(nextX, nextY);
            } else {
                pending = true;
                pendingX = nextX;
                pendingY = nextY;
                return;
            }
            pending = false;
            x = nextX;
            y = nextY;
        }

        /** Strokes the path, to its last point even when that point is under half a pixel from the one before. */
        void stroke() {
            if (pending) {
                g.lineTo(pendingX, pendingY);
            }
            g.stroke();
        }
    }
}
