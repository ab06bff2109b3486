package org.scratchnet.spark;

import java.util.List;
import org.scratchnet.data.Imputation;
import org.scratchnet.data.Task;

/**
 * Which columns of a Spark table train a model, with the same meaning as {@code train}'s options.
 *
 * @param label       the label column's name
 * @param features    the feature columns in input order, or null for every column but the label,
 *                    those in {@code drop}, and date/time columns
 * @param drop        columns that are not features
 * @param categorical number columns read as categories (one-hot)
 * @param impute      how missing feature cells are filled (NONE: they are an error)
 * @param task        classification, regression or AUTO (decided from the label values)
 */
public record TableSpec(String label, List<String> features, List<String> drop, List<String> categorical,
        Imputation impute, Task task) {
    public TableSpec {
        features = features == null ? null : List.copyOf(features);
        drop = List.copyOf(drop);
        categorical = List.copyOf(categorical);
    }

    /** Label {@code label}, every other column a feature, no imputation, task from the labels. */
    public static TableSpec of(String label) {
        return new TableSpec(label, null, List.of(), List.of(), Imputation.NONE, Task.AUTO);
    }
}
