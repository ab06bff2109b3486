package org.scratchnet.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.scratchnet.tensor.Tensor;

/**
 * Applies {@link ColumnRules} to a parsed table: numbers are parsed, categories one-hot encoded,
 * missing cells take the stored fill value. Shared by training and prediction so both read a
 * cell the same way.
 */
final class ColumnEncoder {
    /** Rows encoded at a time: each column's cells of a block are copied out in one go. */
    private static final int BLOCK = 4096;

    private ColumnEncoder() {
    }

    /**
     * x (N, D) for every row of {@code table}; {@code cols[f]} is the position in {@code table} of
     * the rules' feature f (number columns read as number-or-text, category columns as text).
     * One note per category column with values outside its vocabulary, and one for filled cells
     * when {@code noteFilled}. An error names the first bad cell in row order.
     */
    static Tensor encode(CsvTable table, int[] cols, ColumnRules rules, Consumer<String> notes, boolean noteFilled) {
        List<ColumnRules.Column> features = rules.features();
        int n = table.rows();
        int d = rules.encodedWidth();
        int nf = features.size();
        float[] x = new float[n * d];
        int[] unseen = new int[nf];
        String[] example = new String[nf];
        int filled = 0;
        Map<String, Integer>[] vocab = vocabularies(features);
        java.nio.IntBuffer[] cells = new java.nio.IntBuffer[nf];
        int[] offset = new int[nf];
        float[] fill = new float[nf];
        int[][] slot = new int[nf][];   // category columns: dictionary code -> one-hot position, -1 = unseen
        boolean[][] missing = new boolean[nf][];
        for (int f = 0, j = 0; f < nf; f++) {
            ColumnRules.Column c = features.get(f);
            cells[f] = table.cells[cols[f]];
            missing[f] = table.missing[cols[f]];
            offset[f] = j;
            j += c.width();
            if (c.kind() == ColumnRules.Kind.NUMBER) {
                fill[f] = Float.parseFloat(c.fill());
                continue;
            }
            String[] dict = table.dicts[cols[f]];
            slot[f] = new int[dict.length];
            for (int k = 0; k < dict.length; k++) {
                Integer v = vocab[f].get(missing[f][k] ? c.fill() : dict[k]);
                slot[f][k] = v == null ? -1 : v;
            }
        }
        int[] block = new int[Math.min(n, BLOCK)];
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int m = Math.min(BLOCK, n - r0);
            int badRow = -1, badFeature = -1; // the first bad cell in row order, then column order
            for (int f = 0; f < nf; f++) {
                cells[f].get(r0, block, 0, m); // one bulk copy per column and block: memory speed from a mapped cache too
                boolean[] miss = missing[f];
                int at = r0 * d + offset[f];
                if (slot[f] == null) {
                    for (int i = 0; i < m; i++, at += d) {
                        int v = block[i];
                        if (!ChunkParser.isText(v)) {
                            x[at] = Float.intBitsToFloat(v);
                        } else if (miss[v - ChunkParser.TEXT_BASE]) {
                            x[at] = fill[f];
                            filled++;
                        } else if (badRow < 0 || i < badRow) {
                            badRow = i;
                            badFeature = f;
                        }
                    }
                    continue;
                }
                for (int i = 0; i < m; i++, at += d) {
                    int v = block[i];
                    if (!ChunkParser.isText(v)) {
                        throw new IllegalStateException("category column '" + features.get(f).name() + "' was read as numbers");
                    }
                    boolean isMissing = miss[v - ChunkParser.TEXT_BASE];
                    filled += isMissing ? 1 : 0;
                    int k = slot[f][v - ChunkParser.TEXT_BASE];
                    if (k < 0) {
                        unseen[f]++;
                        if (example[f] == null) {
                            example[f] = isMissing ? features.get(f).fill() : table.text(cols[f], r0 + i);
                        }
                    } else {
                        x[at + k] = 1f;
                    }
                }
            }
            if (badRow >= 0) { // throws, naming the cell
                CsvLoader.number(table, r0 + badRow, cols[badFeature], features.get(badFeature).name(), "a number");
            }
        }
        for (int f = 0; f < nf; f++) {
            if (unseen[f] > 0) {
                notes.accept("column '" + features.get(f).name() + "': " + unseen[f] + " row(s) hold a category not seen"
                        + " in training (e.g. " + DataFormatException.quote(example[f]) + "); its one-hot inputs are all 0");
            }
        }
        if (noteFilled && filled > 0) {
            notes.accept(filled + " missing feature value(s) filled with the values stored at training");
        }
        return Tensor.of(x, n, d);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer>[] vocabularies(List<ColumnRules.Column> features) {
        Map<String, Integer>[] out = new Map[features.size()];
        for (int f = 0; f < out.length; f++) {
            out[f] = new HashMap<>();
            List<String> cats = features.get(f).categories();
            for (int k = 0; k < cats.size(); k++) {
                out[f].put(cats.get(k), k);
            }
        }
        return out;
    }
}
