package org.scratchnet.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file (or text in memory) opened for reading: the separator, the header and the column
 * count are found on a prefix (the first records of the first 64 KiB, as {@link CsvParser} describes), before the
 * caller decides which columns to keep and how ({@link ChunkParser} modes); {@link CsvLoad}
 * then parses the body on all cores.
 */
final class CsvSource {
    private static final int PREFIX = 65536;
    /** The longest prefix read to find the first line's end: one array's worth. */
    private static final long MAX_PREFIX = Integer.MAX_VALUE - 16;
    /**
     * Lines of a large file's prefix split into records first: the prefix is parsed before the
     * JIT compiles anything, and 64 lines cost a fraction of 64 KiB of them.
     */
    private static final int HEAD_LINES = 64;

    final String source;
    final Path file;          // null for text in memory
    final byte[] memory;      // the text's bytes, or null for a file
    final long size;
    final long start;         // first byte after a byte-order mark
    final long modified;      // the file's modification time in ms (0 in memory)
    final byte sep;
    final List<String> header; // null without a header
    final int columns;
    final double bytesPerLine; // the prefix's average, to size the column arrays
    final int firstDataLine;   // line of the first data record, -1 when the prefix holds none
    final boolean wholePrefix; // the prefix held the whole file
    final boolean spaced;      // one column, and the first data record holds spaces between values

    private CsvSource(String source, Path file, byte[] memory, long size, long modified, Boolean hasHeader) {
        this.source = source;
        this.file = file;
        this.memory = memory;
        this.size = size;
        this.modified = modified;
        byte[] head = bytes(0, (int) Math.min(size, 3));
        this.start = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3 : 0;
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new DataFormatException(source + ": expected UTF-8 text, found UTF-16 (it starts with the byte-order"
                    + " mark " + String.format("%02X %02X", head[0] & 0xFF, head[1] & 0xFF) + "); save the file as UTF-8");
        }
        List<CsvTable.Row> rows = null;
        String prefixText = "";
        byte separator = ',';
        boolean whole = false;
        for (long len = PREFIX; rows == null; len *= 16) {
            whole = start + len >= size;
            if ((whole ? size - start : len) > MAX_PREFIX) {
                throw new DataFormatException(source + ": a line longer than 2 GiB");
            }
            String text = prefix(whole ? size - start : len, whole);
            if (!whole && text.indexOf('\n') < 0) {
                continue; // the first line goes on past the prefix: its fields are not all here yet
            }
            if (!whole) { // the first records are enough: the separator, header and width come from the first 20
                String lines = firstLines(text, HEAD_LINES);
                separator = (byte) CsvParser.detectSeparator(source, lines);
                try {
                    rows = CsvParser.split(source, lines, (char) separator);
                    prefixText = text; // the line length is averaged over the whole prefix all the same
                } catch (DataFormatException e) {
                    rows = null; // cut inside a quoted field: the whole prefix below
                }
                if (rows != null && rows.size() > 20) {
                    break;
                }
                rows = null;
            }
            prefixText = text;
            separator = (byte) CsvParser.detectSeparator(source, text);
            try {
                rows = CsvParser.split(source, text, (char) separator);
            } catch (DataFormatException e) {
                if (whole) {
                    throw e;
                }
            }
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(source + ": expected a header or data rows, found an empty file");
        }
        this.sep = separator;
        this.wholePrefix = whole;
        boolean isHeader = hasHeader != null ? hasHeader : CsvParser.looksLikeHeader(rows);
        this.header = isHeader ? rows.get(0).fields() : null;
        this.columns = rows.get(0).fields().size();
        int firstData = isHeader ? 1 : 0;
        this.firstDataLine = rows.size() > firstData ? rows.get(firstData).line() : -1;
        this.spaced = columns == 1 && rows.get(rows.size() > firstData ? firstData : 0).fields().get(0).trim().chars()
                .anyMatch(Character::isWhitespace);
        int lineBreaks = 0;
        for (int at = prefixText.indexOf('\n'); at >= 0; at = prefixText.indexOf('\n', at + 1)) {
            lineBreaks++;
        }
        this.bytesPerLine = Math.max(2.0, prefixText.length() / (double) Math.max(1, lineBreaks));
    }

    /**
     * Lines end in LF or CRLF. A prefix that holds no line feed but a carriage return has lines
     * ended by CR alone (classic Mac OS): refused, as the parsers break lines at LF.
     */
    private void refuseLoneCarriageReturns(byte[] prefixWithoutLineFeed) {
        for (byte c : prefixWithoutLineFeed) {
            if (c == '\r') {
                throw new DataFormatException(source + ": expected lines ending in LF or CRLF, found CR alone;"
                        + " convert the line ends, e.g. tr '\\r' '\\n' < FILE > NEW");
            }
        }
    }

    /** Opens {@code file}, reading its first 64 KiB; {@code hasHeader} null = detect. */
    static CsvSource open(Path file, Boolean hasHeader) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long modified = java.nio.file.Files.getLastModifiedTime(file).toMillis();
            return new CsvSource(file.toString(), file, null, ch.size(), modified, hasHeader);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": expected a readable file, found none");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    /** Text in memory; {@code source} names it in messages. */
    static CsvSource of(String source, String text, Boolean hasHeader) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new CsvSource(source, null, b, b.length, 0, hasHeader);
    }

    /** Column names: the header's, or column1.. without one. */
    List<String> names() {
        if (header != null) {
            return header;
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= columns; j++) {
            names.add("column" + j);
        }
        return names;
    }

    /**
     * The prefix as text: {@code len} bytes after the mark, cut after the last line break unless
     * whole; "" when it is not whole and holds no line break (the first line is longer).
     */
    private String prefix(long len, boolean whole) {
        byte[] b = bytes(start, (int) len);
        int lf = lastLineBreak(b, b.length);
        if (lf == 0) {
            refuseLoneCarriageReturns(b);
        }
        int n = whole ? b.length : lf;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source + ": expected UTF-8 text, found invalid byte sequences");
        }
    }

    /** The length of b[0, len) up to and including its last line break, or 0 when it holds none. */
    static int lastLineBreak(byte[] b, int len) {
        for (int i = len; i > 0; i--) {
            if (b[i - 1] == '\n') {
                return i;
            }
        }
        return 0;
    }

    /** {@code text} up to and including its {@code n}-th line break (all of it when it has fewer). */
    static String firstLines(String text, int n) {
        int at = -1;
        for (int k = 0; k < n; k++) {
            at = text.indexOf('\n', at + 1);
            if (at < 0) {
                return text;
            }
        }
        return text.substring(0, at + 1);
    }

    /** {@code len} bytes from {@code pos} (fewer at the end). */
    byte[] bytes(long pos, int len) {
        byte[] b = new byte[(int) Math.max(0, Math.min(len, size - pos))];
        read(pos, b, 0, b.length);
        return b;
    }

    /** Reads exactly {@code len} bytes at {@code pos} into {@code dst}. */
    void read(long pos, byte[] dst, int off, int len) {
        if (memory != null) {
            System.arraycopy(memory, (int) pos, dst, off, len);
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
            long p = pos;
            while (buf.hasRemaining()) {
                int r = ch.read(buf, p);
                if (r < 0) {
                    throw new DataFormatException(source + ": the file became shorter while it was read");
                }
                p += r;
            }
        } catch (IOException e) {
            throw new DataFormatException(source + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }
}
