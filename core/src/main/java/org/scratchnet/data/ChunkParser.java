package org.scratchnet.data;

import java.util.Arrays;

/**
 * Parses one byte range of a CSV file (starting at a line start) into columns: no object per
 * cell or per row. A cell of a {@link #HYBRID} column is one int, either the float bits of a
 * plain decimal number or, for anything else (text, a missing value, an infinite number), a
 * code into the column's {@link ByteDictionary}; a {@link #TEXT} column codes every cell.
 * Parsing rules are {@link CsvParser}'s (RFC 4180 quotes, trimmed unquoted fields, blank lines
 * skipped, {@code \n} or {@code \r\n}).
 *
 * <p>Line numbers are counted from 1 at the range's start; the caller adds the lines of the
 * ranges before it. The first problem stops the range and is kept in {@link Chunk#error}.
 */
final class ChunkParser {
    /** Column modes: not stored, number-or-text, always text, label (number-or-text plus capped text codes). */
    static final byte SKIP = 0, HYBRID = 1, TEXT = 2, LABEL = 3;
    /** Most distinct values a label column keeps as text codes (more cannot be classes anyway). */
    static final int LABEL_LIMIT = 4096;
    /** Cells above this int are text codes: NaN bit patterns, which a parsed finite number never has. */
    static final int TEXT_BASE = 0x7F800001;

    /** What one range holds. Arrays are {@code [column][row]}, valid up to {@link #rows}. */
    static final class Chunk {
        int rows;
        int[][] cells;
        int[][] labelCodes;
        ByteDictionary[] dicts;
        ByteDictionary[] labelDicts;
        int[] lines;
        int lineCount;     // line breaks consumed (the next range starts this many lines later)
        boolean sawQuote;
        String error;      // message after "source:line[:column]: ", or null
        int errorLine;
        int errorColumn;   // 0-based, or -1 for a whole-record problem
        int errorRow;      // rows parsed before the error
    }

    private final byte[] b;
    private final int columns;
    private final byte sep;
    private final byte[] modes;
    private byte[] scratch = new byte[64];

    ChunkParser(byte[] b, int columns, byte sep, byte[] modes) {
        this.b = b;
        this.columns = columns;
        this.sep = sep;
        this.modes = modes;
    }

    static boolean isText(int cell) {
        return cell >= TEXT_BASE;
    }

    /**
     * Parses {@code b[from, to)}; {@code skipFirst} drops the first record (a header),
     * {@code maxRows} stops early, {@code expectRows} sizes the arrays.
     */
    Chunk parse(int from, int to, boolean skipFirst, int maxRows, int expectRows) {
        return parse(from, to, skipFirst, maxRows, expectRows, null);
    }

    /**
     * As above, parsing into the arrays of {@code reuse} (a chunk of the same columns and modes
     * whose rows have been taken, or null), so that a file's ranges need not allocate new ones.
     */
    Chunk parse(int from, int to, boolean skipFirst, int maxRows, int expectRows, Chunk reuse) {
        Chunk c = new Chunk();
        int cap = Math.max(16, expectRows);
        if (reuse != null && reuse.lines != null && reuse.lines.length >= cap) {
            cap = reuse.lines.length;
        } else {
            reuse = null;
        }
        c.cells = new int[columns][];
        c.labelCodes = new int[columns][];
        c.dicts = new ByteDictionary[columns];
        c.labelDicts = new ByteDictionary[columns];
        for (int j = 0; j < columns; j++) {
            if (modes[j] != SKIP) {
                c.cells[j] = reuse != null && reuse.cells[j] != null ? reuse.cells[j] : new int[cap];
                c.dicts[j] = new ByteDictionary(Integer.MAX_VALUE);
            }
            if (modes[j] == LABEL) {
                c.labelCodes[j] = reuse != null && reuse.labelCodes[j] != null ? reuse.labelCodes[j] : new int[cap];
                c.labelDicts[j] = new ByteDictionary(LABEL_LIMIT);
            }
        }
        c.lines = reuse != null ? reuse.lines : new int[cap];
        int line = 1;
        int i = from;
        boolean header = skipFirst;
        while (i < to && c.rows < maxRows) {
            int rowLine = line;
            int field = 0;
            boolean blank = true;
            if (c.rows == c.lines.length) {
                grow(c);
            }
            while (true) { // one field per pass
                int s = i;
                int fast = header || field >= columns || modes[field] != HYBRID ? -1
                        : fastNumber(b, i, to, sep, c.cells[field], c.rows);
                if (fast >= 0) { // the common case: a short plain number, parsed while it is scanned
                    i = fast;
                    field++;
                    if (i >= to || b[i] == '\n') {
                        break;
                    }
                    blank = false;
                    i++;
                    continue;
                }
                while (i < to && b[i] != sep && b[i] != '\n' && b[i] != '"') {
                    i++;
                }
                int fs, fe;
                byte[] src = b;
                if (i < to && b[i] == '"' && isBlank(s, i)) {
                    c.sawQuote = true;
                    int quoteLine = line;
                    int n = 0;
                    i++;
                    while (true) {
                        if (i >= to) {
                            return fail(c, quoteLine, field, "expected a closing quote, found the end of the file");
                        }
                        byte q = b[i];
                        if (q == '"') {
                            if (i + 1 < to && b[i + 1] == '"') {
                                n = put(n, (byte) '"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (q == '\n') {
                            line++;
                        }
                        n = put(n, q);
                        i++;
                    }
                    while (i < to && (b[i] == ' ' || b[i] == '\r') && !(b[i] == '\r' && i + 1 < to && b[i + 1] == '\n')) {
                        i++;
                    }
                    if (i < to && b[i] != sep && b[i] != '\n' && !(b[i] == '\r' && i + 1 < to && b[i + 1] == '\n')) {
                        return fail(c, line, field, "expected a separator after the closing quote, found "
                                + DataFormatException.quote(new String(b, i, utf8Length(i), java.nio.charset.StandardCharsets.UTF_8)));
                    }
                    if (i < to && b[i] == '\r') {
                        i++;
                    }
                    src = scratch;
                    fs = 0;
                    fe = n;
                    blank = false;
                } else {
                    if (i < to && b[i] == '"') { // a quote inside an unquoted field is a plain character
                        i++;
                        while (i < to && b[i] != sep && b[i] != '\n') {
                            i++;
                        }
                    }
                    fs = s;
                    fe = i;
                    while (fs < fe && (b[fs] & 0xFF) <= ' ') {
                        fs++;
                    }
                    while (fe > fs && (b[fe - 1] & 0xFF) <= ' ') {
                        fe--;
                    }
                }
                boolean endOfRecord = i >= to || b[i] == '\n';
                if (!endOfRecord) {
                    blank = false;
                }
                if (endOfRecord && blank && field == 0 && fs == fe && isBlank(s, i)) {
                    break; // a blank line (whitespace only: a control character such as ESC makes an empty field)
                }
                if (!header && field < columns && modes[field] != SKIP) {
                    store(c, field, src, fs, fe);
                }
                field++;
                if (endOfRecord) {
                    break;
                }
                i++; // the separator
            }
            if (i < to) {
                i++; // the line break
                line++;
            }
            if (blank && field == 0) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            if (field != columns) {
                c.errorColumn = -1;
                return failRecord(c, rowLine, "expected " + columns + " fields, found " + field);
            }
            c.lines[c.rows++] = rowLine;
        }
        c.lineCount = line - 1;
        return c;
    }

    /**
     * The commonest field, parsed while it is scanned: {@code [+-] digits [. digits]} (a digit at
     * least) ending at a separator, a line break, {@code \r\n} or {@code to}, whose digits make an
     * integer m &lt; 2^24 with at most 10 decimals. Then m and 10^decimals are exact floats and one
     * float division rounds once, correctly: exactly {@link Float#parseFloat}'s float. Stores its
     * bits in {@code out[at]} and returns the position of the separator or line break, or -1
     * (storing nothing) for any other field, which the general path then reads.
     */
    static int fastNumber(byte[] b, int i, int to, byte sep, int[] out, int at) {
        int k = i;
        boolean negative = false;
        if (k < to && (b[k] == '-' || b[k] == '+')) {
            negative = b[k] == '-';
            k++;
        }
        int m = 0;
        int start = k;
        int d;
        while (k < to && (d = b[k] - '0') >= 0 && d <= 9) {
            m = m * 10 + d; // below 2^24 * 10 + 9: no overflow
            if (m >= 1 << 24) {
                return -1;
            }
            k++;
        }
        int digits = k - start;
        int scale = 0;
        if (k < to && b[k] == '.') {
            int point = ++k;
            while (k < to && (d = b[k] - '0') >= 0 && d <= 9) {
                m = m * 10 + d;
                if (m >= 1 << 24) {
                    return -1;
                }
                k++;
            }
            scale = k - point;
            if (scale > 10) {
                return -1;
            }
            digits += scale;
        }
        if (digits == 0) {
            return -1;
        }
        if (k < to && b[k] != sep && b[k] != '\n') {
            if (b[k] != '\r' || k + 1 >= to || b[k + 1] != '\n') {
                return -1;
            }
            k++;
        }
        float f = (float) m / POW10[scale];
        out[at] = Float.floatToRawIntBits(negative ? -f : f);
        return k;
    }

    private static final float[] POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private void store(Chunk c, int j, byte[] src, int from, int to) {
        int row = c.rows;
        byte mode = modes[j];
        if (mode != TEXT) {
            float f = FloatParser.parse(src, from, to);
            if (Float.isFinite(f)) {
                c.cells[j][row] = Float.floatToRawIntBits(f);
            } else {
                c.cells[j][row] = TEXT_BASE + c.dicts[j].code(src, from, to);
            }
        } else {
            c.cells[j][row] = TEXT_BASE + c.dicts[j].code(src, from, to);
        }
        if (mode == LABEL && c.labelDicts[j] != null) {
            int code = c.labelDicts[j].code(src, from, to);
            if (code < 0) { // too many distinct labels to be classes: keep the numbers only
                c.labelDicts[j] = null;
                c.labelCodes[j] = null;
            } else {
                c.labelCodes[j][row] = code;
            }
        }
    }

    private static void grow(Chunk c) {
        int cap = c.lines.length + (c.lines.length >> 1) + 16;
        for (int j = 0; j < c.cells.length; j++) {
            if (c.cells[j] != null) {
                c.cells[j] = Arrays.copyOf(c.cells[j], cap);
            }
            if (c.labelCodes[j] != null) {
                c.labelCodes[j] = Arrays.copyOf(c.labelCodes[j], cap);
            }
        }
        c.lines = Arrays.copyOf(c.lines, cap);
    }

    private int put(int n, byte v) {
        if (n == scratch.length) {
            scratch = Arrays.copyOf(scratch, n * 2);
        }
        scratch[n] = v;
        return n + 1;
    }

    private boolean isBlank(int from, int to) {
        for (int k = from; k < to; k++) {
            byte v = b[k];
            if (v != ' ' && v != '\t' && v != '\r' && v != 0x0B && v != 0x0C && !(v >= 0x1C && v <= 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of the UTF-8 character starting at i (1 for ASCII and for invalid lead bytes). */
    private int utf8Length(int i) {
        int v = b[i] & 0xFF;
        int n = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
        return Math.min(n, b.length - i);
    }

    private static Chunk fail(Chunk c, int line, int column, String message) {
        c.errorColumn = column;
        c.error = message;
        c.errorLine = line;
        c.errorRow = c.rows;
        return c;
    }

    private static Chunk failRecord(Chunk c, int line, String message) {
        return fail(c, line, -1, message);
    }
}
