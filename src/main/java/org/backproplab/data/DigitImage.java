package org.backproplab.data;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * A picture of one handwritten digit (PNG, or any format Java reads) turned into MNIST-like input: grey values
 * scaled to side×side, in [0, 1], white ink on black (inverted when the background is light).
 *
 * <p>Every failure is a {@link DataFileException} naming the file in plain words, never the image library's
 * own ("Error skipping PNG metadata" names no file). The size is read from the header before anything is
 * decoded: an image wider or higher than {@link #MAX_SIDE} is refused, and a large one is decoded every n-th
 * pixel ({@link #DECODED_SIDE} at most per side), so a picture costs at most a few megabytes of heap
 * whatever its header claims.
 */
public final class DigitImage {

    /**
     * The largest width or height read: 16 times a phone photo's detail is not needed for a digit that ends as
     * 28×28, and a header claiming 100000×100000 would take minutes to decode.
     */
    public static final int MAX_SIDE = 4096;
    /** A larger image is decoded every n-th pixel down to at most this many per side (4 MB of ARGB). */
    static final int DECODED_SIDE = 1024;

    private DigitImage() {
    }

    /** Reads the image and returns its side×side grey values, white ink on black as MNIST has it. */
    public static float[] read(Path file, int side) throws DataFileException {
        return toPixels(decode(file), side);
    }

    /** The decoded image, subsampled when it is large; every failure names the file. */
    static BufferedImage decode(Path file) throws DataFileException {
        if (Files.isDirectory(file)) {
            throw new DataFileException(file, "is a folder, not an image file");
        }
        if (!Files.exists(file)) {
            throw new DataFileException(file, "no such file (looked for " + file.toAbsolutePath() + ")");
        }
        if (file.toFile().length() == 0) {
            throw new DataFileException(file, "the file is empty, not an image");
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataFileException(file, "not an image that Java can read (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return decode(file, reader);
            } finally {
                reader.dispose();
            }
        } catch (FileNotFoundException e) {
            // RandomAccessFile says "(Permission denied)" and the like in its message, after the path
            throw new DataFileException(file, "cannot be opened: " + reason(e), e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(Path file, ImageReader reader) throws DataFileException {
        String format = format(reader);
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(file, "the " + format + (endsEarly(e) ? " is cut short: it ends inside its header"
                    : " is damaged: its header cannot be read"), e);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new DataFileException(file, String.format("the image is %dx%d pixels; a digit's picture may be at most "
                    + "%dx%d (it is scaled to 28x28 anyway)", width, height, MAX_SIDE, MAX_SIDE));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, (Math.max(width, height) + DECODED_SIDE - 1) / DECODED_SIDE);
        param.setSourceSubsampling(step, step, 0, 0);
        try {
            return reader.read(0, param);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (causedBy(e, OutOfMemoryError.class)) {
                // decoding is bounded to a few megabytes; a heap smaller than that still gets a sentence, and the
                // decoder's half-made image is garbage by now (the PNG decoder wraps the error in an IIOException)
                throw new DataFileException(file, "the " + width + "x" + height + " image does not fit in the memory "
                        + "Java has (-Xmx)", null);
            }
            throw new DataFileException(file, "the " + format + (endsEarly(e) ? " is cut short: it ends inside its image "
                    + "data" : " is damaged: its image data cannot be decoded"), e);
        }
    }

    /** The decoded image drawn into side×side grey pixels in [0, 1], inverted when its background is light. */
    static float[] toPixels(BufferedImage img, int side) {
        BufferedImage grey = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, side, side, null);
        g.dispose();
        float[] pixels = new float[side * side];
        double mean = 0;
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = grey.getRaster().getSample(i % side, i / side, 0) / 255f;
            mean += pixels[i];
        }
        if (mean / pixels.length > 0.5) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 1 - pixels[i];
            }
        }
        return pixels;
    }

    /** Whether the decoder failed because the file ended (ImageIO wraps the EOFException, sometimes twice). */
    private static boolean endsEarly(Throwable e) {
        return causedBy(e, EOFException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String format(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(java.util.Locale.ROOT) + " file";
        } catch (IOException e) {
            return "image file";
        }
    }

    private static String reason(FileNotFoundException e) {
        String m = String.valueOf(e.getMessage());
        int open = m.lastIndexOf(" (");
        return open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1).toLowerCase(java.util.Locale.ROOT) : m;
    }
}
