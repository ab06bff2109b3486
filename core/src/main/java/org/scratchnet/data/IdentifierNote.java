package org.scratchnet.data;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Spots a category column that names its rows rather than describing them: an ID, a name, a
 * timestamp. One-hot, such a column is one input per row, which fits the training rows and
 * tells nothing about new ones, so the reader says so and how to leave it out.
 */
final class IdentifierNote {
    private IdentifierNote() {
    }

    /** Rows with a value in {@code col}, then how many distinct values they hold. */
    static long[] valuedAndDistinct(CsvTable t, int col) {
        String[] dict = t.dicts[col];
        boolean[] seen = new boolean[dict.length];
        long valued = 0;
        for (int i = 0; i < t.rows(); i++) {
            if (!t.missing(col, i)) {
                valued++;
                seen[t.code(col, i)] = true;
            }
        }
        Set<String> distinct = new HashSet<>();
        for (int k = 0; k < dict.length; k++) {
            if (seen[k]) {
                distinct.add(dict[k]); // a dictionary may hold a text twice (ranges parsed apart)
            }
        }
        return new long[] {valued, distinct.size()};
    }

    /**
     * A note when a category column holds a different value in each of at least 20 rows (an
     * identifier, most likely): one-hot, it adds an input per row that says nothing of new rows.
     */
    static void check(String column, long[] valuedAndDistinct, Consumer<String> notes) {
        long valued = valuedAndDistinct[0];
        if (valued >= 20 && valuedAndDistinct[1] == valued) {
            notes.accept("column '" + column + "' has " + valued + " distinct values in " + valued + " rows: one-hot,"
                    + " that is one input per row, which tells nothing about new rows; if it names the rows, drop it"
                    + " with --drop " + column);
        }
    }
}
