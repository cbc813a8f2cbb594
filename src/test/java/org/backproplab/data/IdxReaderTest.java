package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reader on a valid tiny pair and on one hand-made broken file per way a file can be wrong. */
class IdxReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(IdxReaderTest.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String failure(String images, String labels) {
        return assertThrows(DataFileException.class,
                () -> Mnist.loadSplit("test", fixture(images), fixture(labels))).getMessage();
    }

    @Test
    void readsAValidPair() throws DataFileException {
        Mnist.Split s = Mnist.loadSplit("tiny", fixture("tiny-images.idx"), fixture("tiny-labels.idx"));
        assertEquals(3, s.count());
        assertEquals(28, s.rows());
        assertEquals(28, s.cols());
        assertEquals(7, s.label(0));
        assertEquals(9, s.label(2));
        assertEquals(1f, s.pixel(0, 1));
        assertEquals(51 / 255f, s.pixel(0, 2));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 1}, s.labelCounts());
    }

    @Test
    void emptyFile() {
        assertEquals("empty-images.idx: the file is empty; expected an IDX file of images (count, rows, columns)",
                failure("empty-images.idx", "tiny-labels.idx"));
    }

    @Test
    void foreignFile() {
        assertEquals("foreign-images.idx: not an IDX file: it starts with 89 50 4E 47, an IDX file starts with 00 00 "
                + "(expected images (count, rows, columns))", failure("foreign-images.idx", "tiny-labels.idx"));
    }

    @Test
    void truncatedData() {
        assertEquals("truncated-images.idx.gz: truncated: the header promises 10 items of 28x28 (7840 bytes of data) "
                + "but only 100 bytes follow", failure("truncated-images.idx.gz", "tiny-labels.idx"));
    }

    @Test
    void truncatedGzip() {
        String m = failure("cut-gzip-images.gz", "tiny-labels.idx");
        assertEquals("cut-gzip-images.gz: a damaged or truncated gzip file", m.substring(0, m.indexOf(" (")));
    }

    @Test
    void wrongElementType() {
        assertEquals("float-images.idx: element type 0x0D (float); expected 0x08 (unsigned byte)",
                failure("float-images.idx", "tiny-labels.idx"));
    }

    @Test
    void wrongDimensions() {
        assertEquals("three-dim-labels.idx: 3 dimensions; expected 1 for labels (count)",
                failure("tiny-images.idx", "three-dim-labels.idx"));
    }

    @Test
    void imagesOfAnotherShapeWithTheSamePixelCount() {
        assertEquals("wide-images.idx: images are 14x56, MNIST needs 28x28", failure("wide-images.idx", "tiny-labels.idx"));
        assertEquals("flat-images.idx: images are 1x784, MNIST needs 28x28", failure("flat-images.idx", "tiny-labels.idx"));
    }

    @Test
    void mismatchedCounts() {
        assertEquals("two-labels.idx: 2 labels, but tiny-images.idx holds 3 images; the two files do not belong together",
                failure("tiny-images.idx", "two-labels.idx"));
    }

    @Test
    void labelThatIsNoDigit() {
        assertEquals("bad-label-labels.idx: label 12 at position 1 is not a digit 0-9",
                failure("tiny-images.idx", "bad-label-labels.idx"));
    }

    @Test
    void bytesAfterTheData() {
        assertEquals("trailing-labels.idx: 2 unexpected bytes after the 3 bytes of data that the header promises for 3 items",
                failure("tiny-images.idx", "trailing-labels.idx"));
    }

    @Test
    void missingFileSaysWhereItLooked() {
        DataFileException e = assertThrows(DataFileException.class, () -> Mnist.load(Path.of("no-such-dir")));
        assertEquals(true, e.getMessage().startsWith("train-images-idx3-ubyte.gz: no such file (looked for "), e.getMessage());
    }
}
