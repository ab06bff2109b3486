package org.scratchnet.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for the IDX files MNIST ships in (LeCun et al.), raw or gzip-compressed (detected from
 * the content, not the name). Only unsigned-byte data (type 0x08) is supported, which is what
 * MNIST and Fashion-MNIST use.
 *
 * <pre>
 *   offset 0        magic: 0x00 0x00 0x08 ndim     (images 0x00000803, labels 0x00000801)
 *   offset 4        ndim big-endian int32 dimensions, each &gt; 0
 *   offset 4+4·ndim the values, one unsigned byte each, row-major
 * </pre>
 *
 * Everything is validated before it is trusted: the magic, each dimension, their product
 * (overflow-checked), and the file length (a raw file must be exactly header + data; a gzip
 * stream must hold exactly that many bytes). A buffer is never allocated from a declared size
 * alone: for raw files the length is checked first, for gzip files the buffer grows as bytes
 * actually arrive.
 */
public final class MnistIdx {
    /** Magic number of an unsigned-byte IDX file with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte IDX file with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private final int[] dims;
    private final byte[] data;

    private MnistIdx(int[] dims, byte[] data) {
        this.dims = dims;
        this.data = data;
    }

    /** The dimensions, e.g. [60000, 28, 28] for the training images. */
    public int[] dims() {
        return dims.clone();
    }

    /** The values as unsigned bytes (read with {@code b & 0xFF}), row-major. */
    public byte[] data() {
        return data;
    }

    /** The first dimension: number of items (images or labels). */
    public int count() {
        return dims[0];
    }

    /**
     * Reads {@code file} and checks that its magic number is {@code expectedMagic}
     * ({@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}).
     *
     * @throws IdxFormatException on any malformed content
     * @throws DataFormatException when the file is missing or unreadable
     */
    public static MnistIdx read(Path file, int expectedMagic) {
        String name = file.toString();
        long fileLength;
        boolean gzip;
        try {
            fileLength = Files.size(file);
            gzip = isGzip(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name + ": file not found");
        } catch (IOException e) {
            throw new DataFormatException(name + ": cannot read (" + e.getMessage() + ")");
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
            return read(name, in, expectedMagic, gzip ? -1 : fileLength);
        } catch (ZipException e) {
            throw new IdxFormatException(name, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            // GZIPInputStream's EOFException for a cut-off header or trailer has no message
            throw new IdxFormatException(name, "gzip stream ends early ("
                    + (e.getMessage() == null ? "the .gz file is truncated" : e.getMessage()) + ")");
        } catch (IOException e) {
            throw new DataFormatException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Parses an IDX stream. {@code knownLength} is the exact byte length of the stream when known
     * (raw files), or -1 (gzip), in which case the data is read incrementally.
     */
    static MnistIdx read(String name, InputStream in, int expectedMagic, long knownLength) throws IOException {
        int magic = readHeaderInt(name, in, 0, "magic");
        if (magic != expectedMagic) {
            throw new IdxFormatException(name, 0, "magic", hex(expectedMagic) + " (" + kind(expectedMagic) + ")",
                    hex(magic) + (magic >>> 8 == 0x08 ? " (" + kind(magic) + ")" : ""));
        }
        int ndim = magic & 0xFF;
        int[] dims = new int[ndim];
        long size = 1;
        for (int d = 0; d < ndim; d++) {
            long offset = 4L + 4L * d;
            String field = d == 0 ? "item count" : "dimension " + (d + 1);
            dims[d] = readHeaderInt(name, in, offset, field);
            if (dims[d] <= 0) {
                throw new IdxFormatException(name, offset, field, "a positive size", Integer.toString(dims[d]));
            }
            // multiply one dimension at a time so that no product can overflow unnoticed
            size *= dims[d];
            if (size > MAX_BYTES) {
                throw new IdxFormatException(name, offset, field, "at most " + MAX_BYTES + " values in total",
                        "dimensions " + Arrays.toString(Arrays.copyOf(dims, d + 1)) + " (more than that)");
            }
        }
        long header = 4L + 4L * ndim;
        if (knownLength >= 0 && knownLength != header + size) {
            throw new IdxFormatException(name, knownLength < header + size ? knownLength : header + size, "file length",
                    (header + size) + " bytes (header " + header + " + " + Arrays.toString(dims) + " values)",
                    knownLength + " bytes");
        }
        byte[] data = knownLength >= 0 ? readExactly(in, (int) size) : readGrowing(name, in, (int) size, header);
        if (data == null) {
            throw new IdxFormatException(name, "file ends early: header declares " + size + " values after byte "
                    + header);
        }
        if (in.read() >= 0) {
            throw new IdxFormatException(name, header + size, "end of data",
                    "end of file after " + Arrays.toString(dims) + " values", "extra bytes");
        }
        return new MnistIdx(dims, data);
    }

    private static byte[] readExactly(InputStream in, int size) throws IOException {
        byte[] data = new byte[size];
        return in.readNBytes(data, 0, size) == size ? data : null;
    }

    // The declared size is only trusted as an upper bound: the buffer doubles as bytes arrive.
    private static byte[] readGrowing(String name, InputStream in, int size, long header) throws IOException {
        byte[] data = new byte[Math.min(size, 1 << 20)];
        int got = 0;
        while (got < size) {
            if (got == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
            }
            int r = in.read(data, got, data.length - got);
            if (r < 0) {
                throw new IdxFormatException(name, header + got, "data",
                        size + " values (as the header declares)", "end of data after " + got);
            }
            got += r;
        }
        return data;
    }

    private static int readHeaderInt(String name, InputStream in, long offset, String field) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new IdxFormatException(name, offset, field, "4 bytes", "end of file");
        }
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static String kind(int magic) {
        int ndim = magic & 0xFF;
        return magic == IMAGES_MAGIC ? "images" : magic == LABELS_MAGIC ? "labels" : ndim + "-D unsigned bytes";
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
