package org.scratchnet.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.scratchnet.tensor.Tensor;

/**
 * Applies {@link ColumnRules} to parsed rows: numbers are parsed, categories one-hot encoded,
 * missing cells take the stored fill value. Shared by training and prediction so both read a
 * cell the same way.
 */
final class ColumnEncoder {
    private ColumnEncoder() {
    }

    /**
     * x (N, D) for {@code rows}; {@code cols[f]} is the position in {@code table} of the rules'
     * feature f. One note per category column with values outside its vocabulary, and one for
     * filled cells when {@code noteFilled}.
     */
    static Tensor encode(CsvTable table, List<CsvTable.Row> rows, int[] cols, ColumnRules rules,
            Consumer<String> notes, boolean noteFilled) {
        List<ColumnRules.Column> features = rules.features();
        int n = rows.size();
        int d = rules.encodedWidth();
        float[] x = new float[n * d];
        int[] unseen = new int[features.size()];
        String[] example = new String[features.size()];
        int filled = 0;
        Map<String, Integer>[] vocab = vocabularies(features);
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = rows.get(i);
            int j = i * d;
            for (int f = 0; f < features.size(); f++) {
                ColumnRules.Column c = features.get(f);
                String v = row.fields().get(cols[f]);
                boolean missing = Imputation.isMissing(v);
                if (missing) {
                    v = c.fill();
                    filled++;
                }
                if (c.kind() == ColumnRules.Kind.NUMBER) {
                    x[j++] = missing ? Float.parseFloat(v) : CsvLoader.number(table, row, cols[f], c.name(), "a number");
                    continue;
                }
                Integer k = vocab[f].get(v);
                if (k == null) {
                    unseen[f]++;
                    example[f] = example[f] == null ? v : example[f];
                } else {
                    x[j + k] = 1f;
                }
                j += c.width();
            }
        }
        for (int f = 0; f < features.size(); f++) {
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
