package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digit's picture read into 28x28 pixels, and one hand-made broken file (or a folder) per way it can fail. */
class DigitImageTest {

    @TempDir
    Path dir;

    private static String failure(Path file) {
        return assertThrows(DataFileException.class, () -> DigitImage.read(file, 28)).getMessage();
    }

    private static String failure(String fixture) {
        return failure(IdxReaderTest.fixture(fixture));
    }

    @Test
    void readsAWhiteBarOnBlack() throws DataFileException {
        float[] pixels = DigitImage.read(IdxReaderTest.fixture("digit.png"), 28);
        float[] row = new float[28];
        for (int x = 11; x < 18; x++) {
            row[x] = 1f;
        }
        for (int y = 0; y < 28; y++) {
            assertArrayEquals(row, java.util.Arrays.copyOfRange(pixels, 28 * y, 28 * y + 28), "row " + y);
        }
    }

    @Test
    void aCutShortFileSaysWhereItEnds() {
        assertEquals("cut-digit.png: the PNG file is cut short: it ends inside its image data", failure("cut-digit.png"));
        assertEquals("cut-header-digit.png: the PNG file is cut short: it ends inside its header",
                failure("cut-header-digit.png"));
    }

    @Test
    void damagedImageData() {
        assertEquals("damaged-digit.png: the PNG file is damaged: its image data cannot be decoded",
                failure("damaged-digit.png"));
    }

    @Test
    void aHugeHeaderIsRefusedBeforeDecoding() {
        assertEquals("huge-header.png: the image is 100000x100000 pixels; a digit's picture may be at most 4096x4096 "
                + "(it is scaled to 28x28 anyway)", failure("huge-header.png"));
    }

    @Test
    void aFolderAnEmptyFileAMissingFileAndText() {
        assertEquals(dir.getFileName() + ": is a folder, not an image file", failure(dir));
        assertEquals("empty.png: the file is empty, not an image", failure("empty.png"));
        assertEquals("text.png: not an image that Java can read (PNG, JPEG, GIF or BMP)", failure("text.png"));
        assertEquals("gone.png: no such file (looked for " + dir.resolve("gone.png").toAbsolutePath() + ")",
                failure(dir.resolve("gone.png")));
    }

    @Test
    void aLargeImageIsDecodedEveryNthPixel() throws Exception {
        Path big = Files.write(dir.resolve("big.png"), PngBytes.rgbaBar(2500, 2000, 1000, 1500));
        BufferedImage decoded = DigitImage.decode(big);
        // every 3rd pixel: 2500 / 3 rounded up, within the 1024 decoded at most
        assertEquals(834, decoded.getWidth());
        assertEquals(667, decoded.getHeight());
        float[] pixels = DigitImage.read(big, 28);
        // black ink on white, inverted: columns 1000-1500 of 2500 are columns 11.2-16.8 of 28
        assertEquals(1f, pixels[28 * 14 + 14]);
        assertEquals(0f, pixels[28 * 14 + 5]);
    }
}
