package org.backproplab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, raw or gzip-compressed (recognised by content, not by name): a magic
 * number 0x0000 TT DD (TT the element type, DD the number of dimensions), DD big-endian sizes, then the data.
 * Every check failure says which file and what was expected.
 */
public final class IdxReader {

    /** The element type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    /** The dimensions and data of one IDX file. */
    public record IdxData(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    private IdxReader() {
    }

    /** Reads {@code file}, which must hold unsigned bytes in exactly {@code expectedDims} dimensions. */
    public static IdxData read(Path file, int expectedDims, String what) throws DataFileException {
        byte[] bytes = readBytes(file);
        if (bytes.length == 0) {
            throw new DataFileException(file, "the file is empty; expected an IDX file of " + what);
        }
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new DataFileException(file, String.format("not an IDX file: it starts with %s, an IDX file starts "
                    + "with 00 00 (expected %s)", hex(bytes), what));
        }
        int type = bytes[2] & 0xff;
        int dims = bytes[3] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(file, String.format("element type 0x%02X (%s); expected 0x08 (unsigned byte)",
                    type, typeName(type)));
        }
        if (dims != expectedDims) {
            throw new DataFileException(file, dims + " dimension" + (dims == 1 ? "" : "s") + "; expected "
                    + expectedDims + " for " + what);
        }
        if (bytes.length < 4 + 4 * dims) {
            throw new DataFileException(file, "truncated inside the header: " + bytes.length + " bytes, the header alone needs "
                    + (4 + 4 * dims));
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * dims);
        int[] sizes = new int[dims];
        long expected = 1;
        for (int d = 0; d < dims; d++) {
            sizes[d] = header.getInt();
            if (sizes[d] < 0) {
                throw new DataFileException(file, "dimension " + (d + 1) + " has a negative size (" + sizes[d] + ")");
            }
            expected *= sizes[d];
        }
        long actual = bytes.length - 4L - 4L * dims;
        if (actual < expected) {
            throw new DataFileException(file, "truncated: the header promises " + describe(sizes) + " (" + expected
                    + " bytes of data) but only " + actual + " bytes follow");
        }
        if (actual > expected) {
            throw new DataFileException(file, (actual - expected) + " unexpected bytes after the " + expected
                    + " bytes of data that the header promises for " + describe(sizes));
        }
        byte[] data = new byte[(int) expected];
        System.arraycopy(bytes, 4 + 4 * dims, data, 0, data.length);
        return new IdxData(sizes, data);
    }

    private static byte[] readBytes(Path file) throws DataFileException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "no such file (looked for " + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
                in.transferTo(out);
                return out.toByteArray();
            } catch (ZipException | java.io.EOFException e) {
                throw new DataFileException(file, "a damaged or truncated gzip file (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new DataFileException(file, "cannot be decompressed: " + e.getMessage(), e);
            }
        }
        return raw;
    }

    private static String describe(int[] sizes) {
        StringBuilder sb = new StringBuilder();
        sb.append(sizes[0]).append(sizes.length == 1 ? " items" : " items of ");
        for (int d = 1; d < sizes.length; d++) {
            sb.append(d > 1 ? "x" : "").append(sizes[d]);
        }
        return sb.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            sb.append(i > 0 ? " " : "").append(String.format("%02X", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown";
        };
    }
}
