package org.scratchnet.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How label values become class names, for readers outside this package that see a table's
 * values one at a time (the Spark module reads rows from any Spark source): the same canonical
 * spelling and class order as {@link TableReader}, so a model trained there is evaluated by
 * {@link TableApplier} with the same classes.
 */
public final class TableLabels {
    private TableLabels() {
    }

    /** "1.0", "+1" and "1" name the same numeric class "1"; other labels are kept as written. */
    public static String canonical(String label) {
        return LabelEncoder.canonical(label);
    }

    /** True for a plain decimal number as the CSV reader parses it. */
    public static boolean isNumber(String value) {
        return CsvParser.isNumber(value);
    }

    /** True for a number with no fractional part (an integer class label). */
    public static boolean isInteger(String value) {
        if (!CsvParser.isNumber(value)) {
            return false;
        }
        BigDecimal v = new BigDecimal(value);
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /**
     * Distinct canonical labels in output order: by numeric value when every one is a number,
     * else as strings (the order {@link TableReader} gives).
     */
    public static List<String> order(Collection<String> canonicalLabels) {
        List<String> classes = new ArrayList<>(canonicalLabels);
        boolean numeric = classes.stream().allMatch(CsvParser::isNumber);
        if (numeric) {
            classes.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
        } else {
            classes.sort(null);
        }
        return classes;
    }

    /** At most this many distinct integer labels make {@link Task#AUTO} a classification. */
    public static int maxAutoClasses() {
        return CsvLoader.MAX_AUTO_CLASSES;
    }
}
