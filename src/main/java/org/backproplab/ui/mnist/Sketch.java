package org.backproplab.ui.mnist;

import java.util.Arrays;

/**
 * The drawing pad's ink: a square of grey values in [0, 1] painted by a round brush with a soft edge, and
 * {@link #toMnist()}, which prepares it the way the MNIST digits were prepared: the ink's bounding box scaled to fit
 * 20×20 keeping its aspect ratio, anti-aliased (each of the 28×28 pixels is the mean of the ink it covers), and
 * placed so that its centre of mass is the centre of the 28×28 field.
 */
public final class Sketch {

    /** MNIST images are 28×28, the digit inside fitted to a 20×20 box. */
    public static final int SIDE = 28;
    public static final int BOX = 20;
    private static final double CENTRE = SIDE / 2 + 0.5;
    /** Ink below this does not count for the bounding box (a brush's faint edge). */
    private static final double BOX_THRESHOLD = 0.1;
    private static final double EDGE = 1.5;

    private final int size;
    private final double radius;
    private final float[] ink;

    /** A blank pad of {@code size}×{@code size} pixels and a brush of this radius in pixels. */
    public Sketch(int size, double radius) {
        this.size = size;
        this.radius = radius;
        this.ink = new float[size * size];
    }

    public int size() {
        return size;
    }

    public double radius() {
        return radius;
    }

    /** The ink, row by row (a live view: do not change it). */
    public float[] ink() {
        return ink;
    }

    public boolean isEmpty() {
        for (float v : ink) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    public void clear() {
        Arrays.fill(ink, 0);
    }

    /** A dab of the brush. */
    public void dot(double x, double y) {
        stroke(x, y, x, y);
    }

    /** A brush stroke from one point to another: every pixel within the radius of the segment takes ink. */
    public void stroke(double x0, double y0, double x1, double y1) {
        double reach = radius + EDGE;
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, x1) - reach));
        int maxX = Math.min(size - 1, (int) Math.ceil(Math.max(x0, x1) + reach));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, y1) - reach));
        int maxY = Math.min(size - 1, (int) Math.ceil(Math.max(y0, y1) + reach));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length2 = dx * dx + dy * dy;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length2));
                double d = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
                float cover = (float) Math.max(0, Math.min(1, (radius + EDGE / 2 - d) / EDGE));
                int i = y * size + x;
                ink[i] = Math.max(ink[i], cover);
            }
        }
    }

    /** The drawing as the network sees it: 28×28 pixels in [0, 1]; all zeros when nothing is drawn. */
    public float[] toMnist() {
        float[] out = new float[SIDE * SIDE];
        int minX = size;
        int minY = size;
        int maxX = -1;
        int maxY = -1;
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = ink[y * size + x];
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
                if (v > BOX_THRESHOLD) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return out;
        }
        double scale = BOX / (double) Math.max(maxX - minX + 1, maxY - minY + 1);
        // Output pixel u covers input [x0 + u/scale, x0 + (u+1)/scale). The centre of mass lands on pixel (14, 14),
        // whose middle is 14.5 from the edge: that is where the MNIST digits have theirs (the mean over the test
        // set is (14.0, 14.0) in pixel indices).
        double x0 = mx / mass - CENTRE / scale;
        double y0 = my / mass - CENTRE / scale;
        for (int v = 0; v < SIDE; v++) {
            for (int u = 0; u < SIDE; u++) {
                out[v * SIDE + u] = (float) Math.min(1, mean(x0 + u / scale, x0 + (u + 1) / scale,
                        y0 + v / scale, y0 + (v + 1) / scale));
            }
        }
        return out;
    }

    /** The mean ink over a rectangle of the pad, each pixel weighted by how much of it the rectangle covers. */
    private double mean(double xa, double xb, double ya, double yb) {
        double sum = 0;
        for (int y = Math.max(0, (int) Math.floor(ya)); y < Math.min(size, Math.ceil(yb)); y++) {
            double oy = Math.min(yb, y + 1) - Math.max(ya, y);
            for (int x = Math.max(0, (int) Math.floor(xa)); x < Math.min(size, Math.ceil(xb)); x++) {
                double ox = Math.min(xb, x + 1) - Math.max(xa, x);
                sum += ink[y * size + x] * ox * oy;
            }
        }
        return sum / ((xb - xa) * (yb - ya));
    }
}
