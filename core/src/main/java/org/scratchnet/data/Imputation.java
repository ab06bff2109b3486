package org.scratchnet.data;

import java.util.Locale;

/**
 * How missing feature cells are filled at training (scikit-learn's {@code SimpleImputer}
 * strategies). Whatever the choice, the fill values are stored with the model and used for
 * missing cells at evaluation and prediction.
 */
public enum Imputation {
    /** Missing cells in training data are an error (the fill stored for prediction is the mean / most frequent value). */
    NONE,
    /** Numbers: the training rows' mean; categories: the most frequent value. */
    MEAN,
    /** Numbers: the training rows' median; categories: the most frequent value. */
    MEDIAN,
    /** Numbers and categories: the most frequent value. */
    MOST_FREQUENT;

    /** The command-line spelling: none, mean, median, most-frequent. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} (case-insensitive; '_' also accepted). */
    public static Imputation byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Imputation i : values()) {
            if (i.id().equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown imputation '" + name + "': expected mean, median or most-frequent");
    }

    /** True for a cell that means "no value": empty, NA, N/A, null, NaN or ? (case-insensitive). */
    public static boolean isMissing(String field) {
        if (field.isEmpty()) {
            return true;
        }
        switch (field.toLowerCase(Locale.ROOT)) {
            case "na":
            case "n/a":
            case "null":
            case "nan":
            case "?":
                return true;
            default:
                return false;
        }
    }
}
