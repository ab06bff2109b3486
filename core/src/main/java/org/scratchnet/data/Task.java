package org.scratchnet.data;

import java.util.Locale;

/** What the label column means. */
public enum Task {
    CLASSIFICATION,
    REGRESSION,
    /**
     * Decide from the labels: classification when any label is not a number, or when every label
     * is an integer and there are at most {@value CsvLoader#MAX_AUTO_CLASSES} distinct values;
     * regression otherwise.
     */
    AUTO;

    /** Lower-case name as used on the command line and in model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "classification", "regression" or "auto" (case-insensitive). */
    public static Task byName(String name) {
        for (Task t : values()) {
            if (t.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "': expected classification, regression or auto");
    }
}
