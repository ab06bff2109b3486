package org.scratchnet.data;

import java.util.Map;
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

    /** The notes for a category column whose present values occur {@code counts} times each. */
    static void check(String column, Map<String, ? extends Number> counts, Consumer<String> notes) {
        long valued = 0;
        for (Number c : counts.values()) {
            valued += c.longValue();
        }
        String example = null;
        for (String v : counts.keySet()) {
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
        } else if (valued >= 20 && counts.size() == valued) {
            notes.accept("column '" + column + "' has " + valued + " distinct values in " + valued + " rows: one-hot,"
                    + " that is one input per row, which tells nothing about new rows; if it names the rows, drop it"
                    + " with --drop " + column);
        }
    }
}
