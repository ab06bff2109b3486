package org.scratchnet.data;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed CSV file held by column: one int per kept cell ({@link ChunkParser}'s encoding: float
 * bits of a number, or a code into the column's dictionary of distinct texts), the line each row
 * starts on, and the header (null when the file has none). Columns read in
 * {@link ChunkParser#SKIP} mode are null. Columns are int buffers valid up to {@link #rows}: views
 * of one array in memory ({@link TableBuilder}) or, read-only, of a memory-mapped cache file
 * ({@link TableCache}), copied only if rows are dropped.
 */
final class CsvTable {
    /** One record of the prefix splitter: its fields and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    final CsvSource src;
    final byte[] modes;
    int rows;
    IntBuffer lines;
    IntBuffer[] cells;
    final String[][] dicts;
    final boolean[][] missing;   // per dictionary entry: an empty or NA-like cell
    final IntBuffer[] labelCodes;    // LABEL columns: every cell as a code into labelDicts (null past the limit)
    final String[][] labelDicts;

    CsvTable(CsvSource src, byte[] modes, int rows, IntBuffer lines, IntBuffer[] cells, String[][] dicts, IntBuffer[] labelCodes,
            String[][] labelDicts) {
        this.src = src;
        this.modes = modes;
        this.rows = rows;
        this.lines = lines;
        this.cells = cells;
        this.dicts = dicts;
        this.labelCodes = labelCodes;
        this.labelDicts = labelDicts;
        this.missing = new boolean[cells.length][];
        for (int j = 0; j < cells.length; j++) {
            if (dicts[j] != null) {
                missing[j] = new boolean[dicts[j].length];
                for (int k = 0; k < dicts[j].length; k++) {
                    missing[j][k] = Imputation.isMissing(dicts[j][k]);
                }
            }
        }
    }

    /** Joins the chunks of one file in order; the first error within {@code maxRows} rows is thrown. */
    static CsvTable join(CsvSource src, byte[] modes, List<ChunkParser.Chunk> chunks, int maxRows) {
        return join(src, modes, chunks, maxRows, 0);
    }

    /** As above for chunks that start {@code firstLine} lines into the file. */
    static CsvTable join(CsvSource src, byte[] modes, List<ChunkParser.Chunk> chunks, int maxRows, int firstLine) {
        long total = 0;
        for (ChunkParser.Chunk c : chunks) {
            total += c.rows;
        }
        TableBuilder b = new TableBuilder(src, modes, maxRows, total, firstLine);
        for (ChunkParser.Chunk c : chunks) {
            b.append(c);
        }
        return b.build();
    }

    String source() {
        return src.source;
    }

    List<String> header() {
        return src.header;
    }

    int columns() {
        return src.columns;
    }

    int rows() {
        return rows;
    }

    int line(int row) {
        return lines.get(row);
    }

    String where(int row, int column) {
        return src.source + ":" + lines.get(row) + ":" + (column + 1);
    }

    /** The encoded cell ({@link ChunkParser}'s int: float bits or a text code). */
    int cell(int col, int row) {
        return cells[col].get(row);
    }

    boolean isText(int col, int row) {
        return ChunkParser.isText(cells[col].get(row));
    }

    /** The number in a cell that is not text. */
    float number(int col, int row) {
        return Float.intBitsToFloat(cells[col].get(row));
    }

    /** The text of a text cell. */
    String text(int col, int row) {
        return dicts[col][cells[col].get(row) - ChunkParser.TEXT_BASE];
    }

    /** The dictionary code of a text cell. */
    int code(int col, int row) {
        return cells[col].get(row) - ChunkParser.TEXT_BASE;
    }

    /** True for an empty or NA-like cell (see {@link Imputation#isMissing}). */
    boolean missing(int col, int row) {
        int v = cells[col].get(row);
        return ChunkParser.isText(v) && missing[col][v - ChunkParser.TEXT_BASE];
    }

    /** False when no cell of the column can be missing (its dictionary holds no empty or NA-like text). */
    boolean mayMiss(int col) {
        for (boolean m : missing[col]) {
            if (m) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces column {@code col} with the same column read in {@link ChunkParser#TEXT} mode
     * (every cell a code, numbers as written), for a column that turned out to hold categories.
     */
    void replaceWithText(int col, CsvTable text) {
        cells[col] = text.cells[col];
        dicts[col] = text.dicts[col];
        missing[col] = text.missing[col];
        modes[col] = ChunkParser.TEXT;
    }

    /** Keeps the rows where {@code keep} is true, in order (compacted in place). */
    void retain(boolean[] keep) {
        lines = writable(lines);
        for (int j = 0; j < cells.length; j++) {
            cells[j] = writable(cells[j]);
            labelCodes[j] = writable(labelCodes[j]);
        }
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keep[i]) {
                lines.put(n, lines.get(i));
                for (int j = 0; j < cells.length; j++) {
                    if (cells[j] != null) {
                        cells[j].put(n, cells[j].get(i));
                    }
                    if (labelCodes[j] != null) {
                        labelCodes[j].put(n, labelCodes[j].get(i));
                    }
                }
                n++;
            }
        }
        rows = n;
    }

    /** b itself, or a copy in memory when b is read-only (a view of a cache file). */
    private static IntBuffer writable(IntBuffer b) {
        if (b == null || !b.isReadOnly()) {
            return b;
        }
        int[] copy = new int[b.limit()];
        b.get(0, copy);
        return IntBuffer.wrap(copy);
    }

    /**
     * Drops the cells and label codes; the dictionaries and line numbers stay, for messages. The
     * line numbers are copied out of the array (or mapped cache) they share with the cells, so that
     * it can go.
     */
    void release() {
        int[] kept = new int[rows];
        lines.get(0, kept);
        lines = IntBuffer.wrap(kept);
        cells = null;
        Arrays.fill(labelCodes, null);
    }

    /** Arrays.fill helper for callers: a keep-all mask. */
    boolean[] all() {
        boolean[] keep = new boolean[rows];
        Arrays.fill(keep, true);
        return keep;
    }
}
