package org.backproplab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG files built byte by byte (signature, IHDR, IDAT, IEND, each chunk with its CRC), for pictures too large
 * to keep as fixtures: a big image of few distinct rows compresses to kilobytes.
 */
public final class PngBytes {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngBytes() {
    }

    /**
     * An 8-bit RGBA image, white with a black vertical bar from column {@code barFrom} to {@code barTo}
     * (exclusive), so that its ink is known after scaling.
     */
    public static byte[] rgbaBar(int width, int height, int barFrom, int barTo) throws IOException {
        byte[] row = new byte[1 + 4 * width]; // filter type 0, then RGBA
        for (int x = 0; x < width; x++) {
            byte v = x >= barFrom && x < barTo ? 0 : (byte) 255;
            row[1 + 4 * x] = v;
            row[2 + 4 * x] = v;
            row[3 + 4 * x] = v;
            row[4 + 4 * x] = (byte) 255;
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(SIGNATURE);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(name);
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
