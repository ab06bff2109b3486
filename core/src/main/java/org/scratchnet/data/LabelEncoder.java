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
 * Turns a label column into targets. Numeric class labels are canonical ("1.0" and "1" are the
 * same class "1") and sorted by value; other labels are sorted as strings.
 */
final class LabelEncoder {
    private final CsvTable table;
    private final int col;
    private final String column;

    LabelEncoder(CsvTable table, int col, String column) {
        this.table = table;
        this.col = col;
        this.column = column;
    }

    /** The concrete task for {@code requested} (see {@link Task#AUTO}). */
    Task resolve(Task requested, List<String> labels, List<String> fixedClasses) {
        if (requested != Task.AUTO) {
            return requested;
        }
        if (fixedClasses != null) {
            return Task.CLASSIFICATION;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : labels) {
            if (!CsvParser.isNumber(v) || !isInteger(v)) {
                return CsvParser.isNumber(v) ? Task.REGRESSION : Task.CLASSIFICATION;
            }
            distinct.add(canonical(v));
        }
        return distinct.size() <= CsvLoader.MAX_AUTO_CLASSES ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    Tensor regressionTargets(List<String> labels) {
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = CsvLoader.number(table, table.rows().get(i), col, column, "a numeric target for regression");
        }
        return Tensor.of(y, y.length, 1);
    }

    /** The sorted distinct classes; fails unless there are at least two. */
    List<String> classNames(List<String> labels) {
        Set<String> distinct = new LinkedHashSet<>();
        boolean numeric = true;
        for (String v : labels) {
            distinct.add(canonical(v));
            numeric &= CsvParser.isNumber(v);
        }
        List<String> classes = new ArrayList<>(distinct);
        if (numeric) {
            classes.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
        } else {
            classes.sort(null);
        }
        if (classes.size() < 2) {
            throw new DataFormatException(table.source() + ": expected at least 2 classes in label column '" + column
                    + "', found only " + DataFormatException.quote(classes.get(0)) + " (use task regression?)");
        }
        return classes;
    }

    /** y (N, K) one-hot for K &gt; 2, (N, 1) with 1 for the second class when K = 2. */
    Tensor encode(List<String> labels, List<String> classes, boolean fromModel) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(canonical(classes.get(k)), k);
        }
        int n = labels.size();
        int k = classes.size();
        int width = k == 2 ? 1 : k;
        float[] y = new float[n * width];
        for (int i = 0; i < n; i++) {
            Integer c = index.get(canonical(labels.get(i)));
            if (c == null) {
                throw new DataFormatException(table.where(table.rows().get(i), col) + ": expected one of the "
                        + (fromModel ? "model's " : "") + "classes " + classes + " in column '" + column + "', found "
                        + DataFormatException.quote(labels.get(i)));
            }
            if (width == 1) {
                y[i] = c;
            } else {
                y[i * width + c] = 1f;
            }
        }
        return Tensor.of(y, n, width);
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
