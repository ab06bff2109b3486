package org.scratchnet.data;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the parsed ranges of one file into a {@link CsvTable}, in file order, one range at a time
 * as they arrive, so that a range's arrays can be reused for the next range at once: text codes
 * are renumbered into one dictionary per column, line numbers shifted by the lines before the
 * range, and the first error within the row limit is thrown.
 *
 * <p>Why one slab: the line numbers, every kept column and every label-code column live in one
 * int array, column after column at a stride of {@code capacity} rows. An array of tens of MB is
 * larger than the young generation, so the JVM places it with the long-lived data at once; a
 * column each (a few MB) would be allocated young and copied by every collection until it ages.
 * The slab is sized from the file's estimated row count and grows by half when that was short.
 */
final class TableBuilder {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final CsvSource src;
    private final byte[] modes;
    private final int maxRows;
    private final int[] slot;       // column j's cells are slot[j] (-1 = not kept)
    private final int[] labelSlot;  // column j's label codes, -1 = none
    private final boolean[] labels; // label codes still kept (every range so far had them)
    private final List<Map<String, Integer>> index = new ArrayList<>();
    private final List<List<String>> dicts = new ArrayList<>();
    private final List<Map<String, Integer>> labelIndex = new ArrayList<>();
    private final List<List<String>> labelDicts = new ArrayList<>();
    private final int slots;
    private int[][] slabs;          // slot s lives in slabs[s / perSlab] at (s % perSlab) * capacity
    private int perSlab;
    private int capacity;
    private int rows;
    private int lineOffset;
    private boolean full;

    /** A builder expecting about {@code expectRows} rows; lines start {@code firstLine} lines into the file. */
    TableBuilder(CsvSource src, byte[] modes, int maxRows, long expectRows, int firstLine) {
        this.src = src;
        this.modes = modes;
        this.maxRows = maxRows;
        this.lineOffset = firstLine;
        int columns = src.columns;
        slot = new int[columns];
        labelSlot = new int[columns];
        labels = new boolean[columns];
        int s = 1; // slot 0: line numbers
        for (int j = 0; j < columns; j++) {
            slot[j] = modes[j] == ChunkParser.SKIP ? -1 : s++;
            labels[j] = modes[j] == ChunkParser.LABEL;
            labelSlot[j] = labels[j] ? s++ : -1;
            index.add(new HashMap<>());
            dicts.add(new ArrayList<>());
            labelIndex.add(new HashMap<>());
            labelDicts.add(new ArrayList<>());
        }
        slots = s;
        allocate((int) Math.max(16, Math.min(Math.min(expectRows, maxRows), MAX_ARRAY)));
    }

    /** False once the row limit is reached or a range ended early: later ranges are not needed. */
    boolean wantsMore() {
        return !full;
    }

    int rows() {
        return rows;
    }

    /**
     * Adds the next range's rows (up to the row limit); its arrays may be reused afterwards.
     *
     * @throws DataFormatException the range's error, when it lies within the row limit
     */
    void append(ChunkParser.Chunk c) {
        if (full) {
            return;
        }
        if (c.error != null && (long) rows + c.errorRow < maxRows) {
            throw new DataFormatException(src.source + ":" + (lineOffset + c.errorLine)
                    + (c.errorColumn >= 0 ? ":" + (c.errorColumn + 1) : "") + ": " + c.error);
        }
        int k = Math.min(c.rows, maxRows - rows);
        if ((long) rows + k > MAX_ARRAY) {
            throw new DataFormatException(src.source + ": more than " + MAX_ARRAY
                    + " rows; read the first ones with a row limit");
        }
        if (rows + k > capacity) {
            grow(Math.max(rows + k, capacity + (capacity >> 1)));
        }
        int[] lineSlab = slab(0);
        int at = base(0) + rows;
        for (int i = 0; i < k; i++) {
            lineSlab[at + i] = lineOffset + c.lines[i];
        }
        for (int j = 0; j < slot.length; j++) {
            if (slot[j] < 0) {
                continue;
            }
            int[] map = renumber(c.dicts[j], index.get(j), dicts.get(j));
            int[] out = slab(slot[j]);
            int o = base(slot[j]) + rows;
            int[] in = c.cells[j];
            for (int i = 0; i < k; i++) {
                int v = in[i];
                out[o + i] = ChunkParser.isText(v) ? ChunkParser.TEXT_BASE + map[v - ChunkParser.TEXT_BASE] : v;
            }
            if (labels[j] && c.labelDicts[j] != null) {
                int[] lmap = renumber(c.labelDicts[j], labelIndex.get(j), labelDicts.get(j));
                int[] lout = slab(labelSlot[j]);
                int lo = base(labelSlot[j]) + rows;
                int[] lin = c.labelCodes[j];
                for (int i = 0; i < k; i++) {
                    lout[lo + i] = lmap[lin[i]];
                }
                labels[j] = labelDicts.get(j).size() <= ChunkParser.LABEL_LIMIT;
            } else {
                labels[j] = false;
            }
        }
        rows += k;
        lineOffset += c.lineCount;
        full = rows >= maxRows || c.error != null;
    }

    /** The table of the rows added so far (views of the slab: nothing is copied). */
    CsvTable build() {
        int columns = slot.length;
        IntBuffer[] cells = new IntBuffer[columns];
        IntBuffer[] labelCodes = new IntBuffer[columns];
        String[][] d = new String[columns][];
        String[][] ld = new String[columns][];
        for (int j = 0; j < columns; j++) {
            if (slot[j] >= 0) {
                cells[j] = view(slot[j]);
                d[j] = dicts.get(j).toArray(new String[0]);
            }
            if (labels[j]) {
                labelCodes[j] = view(labelSlot[j]);
                ld[j] = labelDicts.get(j).toArray(new String[0]);
            }
        }
        return new CsvTable(src, modes, rows, view(0), cells, d, labelCodes, ld);
    }

    /** Local codes of a range's dictionary -> codes in the column's dictionary (new texts appended). */
    private int[] renumber(ByteDictionary local, Map<String, Integer> index, List<String> dict) {
        String[] texts = local.strings(src.source);
        int[] map = new int[texts.length];
        for (int e = 0; e < texts.length; e++) {
            Integer g = index.get(texts[e]);
            if (g == null) {
                g = dict.size();
                index.put(texts[e], g);
                dict.add(texts[e]);
            }
            map[e] = g;
        }
        return map;
    }

    private IntBuffer view(int s) {
        return IntBuffer.wrap(slab(s), base(s), rows).slice();
    }

    private int[] slab(int s) {
        return slabs[s / perSlab];
    }

    private int base(int s) {
        return (s % perSlab) * capacity;
    }

    private void allocate(int cap) {
        capacity = cap;
        perSlab = (int) Math.max(1, Math.min(slots, MAX_ARRAY / cap));
        slabs = new int[(slots + perSlab - 1) / perSlab][];
        for (int g = 0; g < slabs.length; g++) {
            slabs[g] = new int[Math.min(perSlab, slots - g * perSlab) * cap];
        }
    }

    private void grow(int cap) {
        int[][] old = slabs;
        int oldPer = perSlab, oldCap = capacity;
        allocate(cap);
        for (int s = 0; s < slots; s++) {
            System.arraycopy(old[s / oldPer], (s % oldPer) * oldCap, slab(s), base(s), rows);
        }
    }
}
