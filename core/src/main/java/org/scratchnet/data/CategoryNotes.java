package org.scratchnet.data;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Notes on a text column read as categories that most likely should not be: numbers written with
 * a comma (a decimal comma, or digits grouped in thousands), and a column that names its rows
 * (an ID, a name, a timestamp) rather than describing them. One-hot, the first loses the order of
 * the numbers, and the second is one input per row, which fits the training rows and tells
 * nothing about new ones; each note says what to do instead.
 */
final class CategoryNotes {
    /** A number with commas: "1,5", "-0,25", "1,234,567". */
    private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?[0-9]+(,[0-9]+)+");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("[+-]?[0-9]+");

    private CategoryNotes() {
    }

    /** The distinct values of {@code col} in rows with a value; {@code valued[0]} receives that row count. */
    static Set<String> distinctValues(CsvTable t, int col, long[] valued) {
        String[] dict = t.dicts[col];
        boolean[] seen = new boolean[dict.length];
        for (int i = 0; i < t.rows(); i++) {
            if (!t.missing(col, i)) {
                valued[0]++;
                seen[t.code(col, i)] = true;
            }
        }
        Set<String> distinct = new HashSet<>();
        for (int k = 0; k < dict.length; k++) {
            if (seen[k]) {
                distinct.add(dict[k]); // a dictionary may hold a text twice (ranges parsed apart)
            }
        }
        return distinct;
    }

    /** The notes for a category column of {@code valued} rows holding {@code distinct} values. */
    static void check(String column, long valued, Set<String> distinct, Consumer<String> notes) {
        String example = null;
        for (String v : distinct) {
            if (COMMA_NUMBER.matcher(v).matches()) {
                example = example == null || v.compareTo(example) < 0 ? v : example; // the same one every run
            } else if (!PLAIN_INTEGER.matcher(v).matches()) {
                example = null;
                break;
            }
        }
        if (example != null) {
            notes.accept("column '" + column + "' holds numbers written with a comma (" + DataFormatException.quote(example)
                    + "): read as categories; numbers are read with a decimal point and no grouping (1.5, 1234), so"
                    + " rewrite them that way to read the column as numbers");
        } else if (valued >= 20 && distinct.size() == valued) {
            notes.accept("column '" + column + "' has " + valued + " distinct values in " + valued + " rows: one-hot,"
                    + " that is one input per row, which tells nothing about new rows; if it names the rows, drop it"
                    + " with --drop " + column);
        }
    }
}
