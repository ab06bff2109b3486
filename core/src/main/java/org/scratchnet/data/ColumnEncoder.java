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
    private ColumnEncoder() {
    }

    /**
     * x (N, D) for every row of {@code table}; {@code cols[f]} is the position in {@code table} of
     * the rules' feature f (number columns read as number-or-text, category columns as text).
     * One note per category column with values outside its vocabulary, and one for filled cells
     * when {@code noteFilled}. Rows are filled in order, so an error names the first bad row.
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
        int[][] cells = new int[nf][];
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
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int f = 0; f < nf; f++) {
                int v = cells[f][i];
                boolean text = ChunkParser.isText(v);
                boolean isMissing = text && missing[f][v - ChunkParser.TEXT_BASE];
                if (isMissing) {
                    filled++;
                }
                if (slot[f] == null) {
                    x[row + offset[f]] = !text ? Float.intBitsToFloat(v) : isMissing ? fill[f]
                            : CsvLoader.number(table, i, cols[f], features.get(f).name(), "a number");
                    continue;
                }
                if (!text) {
                    throw new IllegalStateException("category column '" + features.get(f).name() + "' was read as numbers");
                }
                int k = slot[f][v - ChunkParser.TEXT_BASE];
                if (k < 0) {
                    unseen[f]++;
                    if (example[f] == null) {
                        example[f] = isMissing ? features.get(f).fill() : table.text(cols[f], i);
                    }
                } else {
                    x[row + offset[f] + k] = 1f;
                }
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
