package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.DataFileException;
import org.backproplab.data.Mnist;
import org.junit.jupiter.api.Test;

class SketchTest {

    @Test
    void aBlankPadIsAllZeros() {
        Sketch s = new Sketch(280, 12);
        assertTrue(s.isEmpty());
        for (float v : s.toMnist()) {
            assertEquals(0, v);
        }
    }

    @Test
    void theBrushIsThickWithASoftEdge() {
        Sketch s = new Sketch(100, 10);
        s.stroke(20, 50, 80, 50);
        assertEquals(1, s.ink()[50 * 100 + 50], "on the line");
        assertEquals(1, s.ink()[58 * 100 + 50], "within the radius");
        assertEquals(0, s.ink()[70 * 100 + 50], "far off");
        float edge = s.ink()[60 * 100 + 50]; // 9.5..10.5 from the line: grey
        assertTrue(edge > 0 && edge < 1, "edge " + edge);
        s.clear();
        assertTrue(s.isEmpty());
    }

    @Test
    void aDrawingIsFittedTo20PixelsAndCentredByItsMass() {
        Sketch s = new Sketch(280, 12);
        // An off-centre vertical bar near the top left: tall and thin, like a 1.
        s.stroke(60, 30, 60, 150);
        float[] img = s.toMnist();
        double mass = 0;
        double mx = 0;
        double my = 0;
        int top = 28;
        int bottom = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = img[y * 28 + x];
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
                if (v > 0.3) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertEquals(14.5, mx / mass, 0.05, "centre of mass, x: the middle of pixel 14");
        assertEquals(14.5, my / mass, 0.05, "centre of mass, y");
        assertEquals(20, bottom - top + 1, 1, "the long side spans the 20-pixel box");
    }

    @Test
    void anMnistDigitDrawnLargeComesBackAsItself() throws DataFileException {
        Mnist.Split test = Mnist.loadSplit(Mnist.defaultDirectory(), "test", Mnist.TEST_IMAGES, Mnist.TEST_LABELS);
        for (int i = 0; i < 5; i++) {
            Sketch s = new Sketch(280, 12);
            float[] original = new float[784];
            for (int p = 0; p < 784; p++) {
                original[p] = test.pixel(i, p);
                for (int dy = 0; dy < 10; dy++) {
                    for (int dx = 0; dx < 10; dx++) {
                        s.ink()[((p / 28) * 10 + dy) * 280 + (p % 28) * 10 + dx] = original[p];
                    }
                }
            }
            double r = correlation(original, s.toMnist());
            assertTrue(r > 0.9, "test image " + i + ": correlation " + r);
        }
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
