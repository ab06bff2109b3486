package org.scratchnet.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed CSV file held by column: one int per kept cell ({@link ChunkParser}'s encoding: float
 * bits of a number, or a code into the column's dictionary of distinct texts), the line each row
 * starts on, and the header (null when the file has none). Columns read in
 * {@link ChunkParser#SKIP} mode are null.
 */
final class CsvTable {
    /** One record of the prefix splitter: its fields and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    final CsvSource src;
    final byte[] modes;
    int rows;
    int[] lines;
    int[][] cells;
    final String[][] dicts;
    final boolean[][] missing;   // per dictionary entry: an empty or NA-like cell
    final int[][] labelCodes;    // LABEL columns: every cell as a code into labelDicts (null past the limit)
    final String[][] labelDicts;

    CsvTable(CsvSource src, byte[] modes, int rows, int[] lines, int[][] cells, String[][] dicts, int[][] labelCodes,
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
        int columns = src.columns;
        long total = 0;
        int lineOffset = firstLine;
        int used = 0;
        for (ChunkParser.Chunk c : chunks) {
            if (c.error != null && total + c.errorRow < maxRows) {
                throw new DataFormatException(src.source + ":" + (lineOffset + c.errorLine)
                        + (c.errorColumn >= 0 ? ":" + (c.errorColumn + 1) : "") + ": " + c.error);
            }
            total += c.rows;
            lineOffset += c.lineCount;
            used++;
            if (total >= maxRows || c.error != null) {
                break;
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new DataFormatException(src.source + ": more than " + (Integer.MAX_VALUE - 16)
                    + " rows; read the first ones with a row limit");
        }
        int n = (int) Math.min(total, maxRows);
        chunks = chunks.subList(0, used);
        int[] lines = new int[n];
        int at = 0;
        lineOffset = firstLine;
        for (ChunkParser.Chunk c : chunks) {
            int k = Math.min(c.rows, n - at);
            for (int i = 0; i < k; i++) {
                lines[at + i] = lineOffset + c.lines[i];
            }
            c.lines = null;
            at += k;
            lineOffset += c.lineCount;
        }
        int[][] cells = new int[columns][];
        String[][] dicts = new String[columns][];
        int[][] labelCodes = new int[columns][];
        String[][] labelDicts = new String[columns][];
        for (int j = 0; j < columns; j++) {
            if (modes[j] == ChunkParser.SKIP) {
                continue;
            }
            List<String> dict = new ArrayList<>();
            cells[j] = merge(src.source, chunks, j, n, false, dict);
            dicts[j] = dict.toArray(new String[0]);
            final int col = j;
            if (modes[j] == ChunkParser.LABEL && chunks.stream().allMatch(c -> c.labelDicts[col] != null)) {
                List<String> ld = new ArrayList<>();
                int[] codes = merge(src.source, chunks, j, n, true, ld);
                if (ld.size() <= ChunkParser.LABEL_LIMIT) {
                    labelCodes[j] = codes;
                    labelDicts[j] = ld.toArray(new String[0]);
                }
            }
        }
        return new CsvTable(src, modes, n, lines, cells, dicts, labelCodes, labelDicts);
    }

    /** Column j of the chunks, text codes renumbered into {@code dict}; the chunks' arrays are released. */
    private static int[] merge(String source, List<ChunkParser.Chunk> chunks, int j, int n, boolean label,
            List<String> dict) {
        int[] out = new int[n];
        Map<String, Integer> index = new HashMap<>();
        int at = 0;
        for (ChunkParser.Chunk c : chunks) {
            int k = Math.min(c.rows, n - at);
            String[] local = (label ? c.labelDicts[j] : c.dicts[j]).strings(source);
            int[] map = new int[local.length];
            for (int e = 0; e < local.length; e++) {
                Integer g = index.get(local[e]);
                if (g == null) {
                    g = dict.size();
                    index.put(local[e], g);
                    dict.add(local[e]);
                }
                map[e] = g;
            }
            int[] in = label ? c.labelCodes[j] : c.cells[j];
            for (int i = 0; i < k; i++) {
                int v = in[i];
                out[at + i] = label ? map[v] : ChunkParser.isText(v) ? ChunkParser.TEXT_BASE + map[v - ChunkParser.TEXT_BASE] : v;
            }
            if (label) {
                c.labelCodes[j] = null;
            } else {
                c.cells[j] = null;
            }
            at += k;
        }
        return out;
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
        return lines[row];
    }

    String where(int row, int column) {
        return src.source + ":" + lines[row] + ":" + (column + 1);
    }

    boolean isText(int col, int row) {
        return ChunkParser.isText(cells[col][row]);
    }

    /** The number in a cell that is not text. */
    float number(int col, int row) {
        return Float.intBitsToFloat(cells[col][row]);
    }

    /** The text of a text cell. */
    String text(int col, int row) {
        return dicts[col][cells[col][row] - ChunkParser.TEXT_BASE];
    }

    /** The dictionary code of a text cell. */
    int code(int col, int row) {
        return cells[col][row] - ChunkParser.TEXT_BASE;
    }

    /** True for an empty or NA-like cell (see {@link Imputation#isMissing}). */
    boolean missing(int col, int row) {
        int v = cells[col][row];
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
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keep[i]) {
                lines[n] = lines[i];
                for (int j = 0; j < cells.length; j++) {
                    if (cells[j] != null) {
                        cells[j][n] = cells[j][i];
                    }
                    if (labelCodes[j] != null) {
                        labelCodes[j][n] = labelCodes[j][i];
                    }
                }
                n++;
            }
        }
        rows = n;
    }

    /** Drops the cells (the dictionaries and line numbers stay, for messages). */
    void release() {
        cells = null;
    }

    /** Arrays.fill helper for callers: a keep-all mask. */
    boolean[] all() {
        boolean[] keep = new boolean[rows];
        Arrays.fill(keep, true);
        return keep;
    }
}
