package org.scratchnet.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scratchnet.tensor.Tensor;

/**
 * Turns a label column (every row of a {@link CsvTable}) into targets. Numeric class labels are
 * canonical ("1.0" and "1" are the same class "1") and sorted by value; other labels are sorted
 * as strings. Classes are worked out once per distinct label text (the column's label codes),
 * not once per row.
 */
final class LabelEncoder {
    private final CsvTable table;
    private final int col;
    private final String column;
    private final int[] codes;      // per row, or null when the column has too many distinct values
    private final String[] values;  // the distinct label texts

    LabelEncoder(CsvTable table, int col, String column) {
        this.table = table;
        this.col = col;
        this.column = column;
        this.codes = copy(table.labelCodes[col], table.rows());
        this.values = table.labelDicts[col];
    }

    /** The first n codes as an array: one bulk copy, then plain array loops (also from a mapped cache). */
    private static int[] copy(java.nio.IntBuffer codes, int n) {
        if (codes == null) {
            return null;
        }
        int[] out = new int[n];
        codes.get(0, out);
        return out;
    }

    /** Fails on the first label that is a number BigDecimal cannot hold (an exponent beyond ±2e9). */
    void checkRepresentable() {
        if (codes == null) {
            return;
        }
        boolean[] bad = new boolean[values.length];
        boolean any = false;
        for (int k = 0; k < values.length; k++) {
            bad[k] = !representable(values[k]);
            any |= bad[k];
        }
        if (!any) {
            return;
        }
        for (int i = 0; i < table.rows(); i++) {
            if (bad[codes[i]]) {
                throw new DataFormatException(table.where(i, col) + ": expected a label in column '" + column
                        + "', found " + DataFormatException.quote(values[codes[i]]) + " (a number with an exponent out of range)");
            }
        }
    }

    /** The first row whose label is empty, or -1. */
    int firstEmpty() {
        for (int i = 0; i < table.rows(); i++) {
            if (table.isText(col, i) && table.text(col, i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** The concrete task for {@code requested} (see {@link Task#AUTO}). */
    Task resolve(Task requested, List<String> fixedClasses) {
        if (requested != Task.AUTO) {
            return requested;
        }
        if (fixedClasses != null) {
            return Task.CLASSIFICATION;
        }
        if (codes == null) { // over LABEL_LIMIT distinct values: numbers mean regression
            for (int i = 0; i < table.rows(); i++) {
                if (table.isText(col, i)) {
                    return CsvParser.isNumber(table.text(col, i)) ? Task.REGRESSION : Task.CLASSIFICATION;
                }
                float v = table.number(col, i);
                if (v != Math.rint(v)) {
                    return Task.REGRESSION;
                }
            }
            return Task.REGRESSION;
        }
        boolean[] integer = new boolean[values.length];
        boolean[] number = new boolean[values.length];
        for (int k = 0; k < values.length; k++) {
            number[k] = CsvParser.isNumber(values[k]);
            integer[k] = number[k] && isInteger(values[k]);
        }
        Set<String> distinct = new LinkedHashSet<>();
        boolean[] seen = new boolean[values.length];
        for (int i = 0; i < table.rows(); i++) {
            int k = codes[i];
            if (!integer[k]) {
                return number[k] ? Task.REGRESSION : Task.CLASSIFICATION;
            }
            if (!seen[k]) {
                seen[k] = true;
                distinct.add(canonical(values[k]));
            }
        }
        return distinct.size() <= CsvLoader.MAX_AUTO_CLASSES ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    Tensor regressionTargets() {
        float[] y = new float[table.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = CsvLoader.number(table, i, col, column, "a numeric target for regression");
        }
        return Tensor.of(y, y.length, 1);
    }

    /** The sorted distinct classes; fails unless there are at least two. */
    List<String> classNames() {
        requireCodes();
        boolean[] used = used();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            int k = codes[i];
            if (used[k]) {
                used[k] = false;
                labels.add(values[k]);
            }
        }
        return classOrder(labels, table.source(), column);
    }

    /**
     * The classes of a label column from its labels (raw texts, in order of first appearance):
     * distinct after {@link #canonical}, sorted as numbers when every label is one, else as text.
     * Fails unless there are at least two.
     */
    static List<String> classOrder(Iterable<String> labels, String source, String column) {
        Set<String> distinct = new LinkedHashSet<>();
        boolean numeric = true;
        for (String l : labels) {
            distinct.add(canonical(l));
            numeric &= CsvParser.isNumber(l);
        }
        List<String> classes = new ArrayList<>(distinct);
        if (numeric) {
            classes.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
        } else {
            classes.sort(null);
        }
        if (classes.size() < 2) {
            throw new DataFormatException(source + ": expected at least 2 classes in label column '" + column
                    + "', found only " + DataFormatException.quote(classes.get(0)) + " (use task regression?)");
        }
        return classes;
    }

    /** y (N, K) one-hot for K &gt; 2, (N, 1) with 1 for the second class when K = 2. */
    Tensor encode(List<String> classes, boolean fromModel) {
        requireCodes();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(canonical(classes.get(k)), k);
        }
        int[] classOf = new int[values.length];
        for (int v = 0; v < values.length; v++) {
            Integer c = index.get(canonical(values[v]));
            classOf[v] = c == null ? -1 : c;
        }
        int n = table.rows();
        int k = classes.size();
        int width = k == 2 ? 1 : k;
        float[] y = new float[n * width];
        for (int i = 0; i < n; i++) {
            int c = classOf[codes[i]];
            if (c < 0) {
                throw new DataFormatException(table.where(i, col) + ": expected one of the "
                        + (fromModel ? "model's " : "") + "classes " + classes + " in column '" + column + "', found "
                        + DataFormatException.quote(values[codes[i]]));
            }
            if (width == 1) {
                y[i] = c;
            } else {
                y[i * width + c] = 1f;
            }
        }
        return Tensor.of(y, n, width);
    }

    private boolean[] used() {
        boolean[] used = new boolean[values.length];
        for (int i = 0; i < table.rows(); i++) {
            used[codes[i]] = true;
        }
        return used;
    }

    private void requireCodes() {
        if (codes == null) {
            throw new DataFormatException(table.source() + ": expected at most " + ChunkParser.LABEL_LIMIT
                    + " distinct labels in column '" + column + "' for classification, found more (use task regression?)");
        }
    }

    /** "1.0", "+1" and "1" name the same numeric class "1"; other labels are kept as written. */
    static String canonical(String label) {
        if (!CsvParser.isNumber(label)) {
            return label;
        }
        BigDecimal v = new BigDecimal(label);
        if (isInteger(label) && v.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) < 0) {
            return v.toBigIntegerExact().toString();
        }
        return v.stripTrailingZeros().toString();
    }

    /** False for a number BigDecimal cannot hold (an exponent beyond the int range, e.g. 1e9999999999). */
    static boolean representable(String label) {
        if (!CsvParser.isNumber(label)) {
            return true;
        }
        try {
            new BigDecimal(label);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInteger(String number) {
        BigDecimal v = new BigDecimal(number);
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }
}
