package org.scratchnet.data;

import java.util.List;

/**
 * How {@link TableReader} reads a training table. Defaults: label = last column, task = auto,
 * header detected, every other column a feature, text columns one-hot, missing cells an error.
 * Column lists take header names or 0-based indices.
 */
public final class TableOptions {
    String label;
    Task task = Task.AUTO;
    Boolean header;
    List<String> features;
    List<String> drop = List.of();
    List<String> categorical = List.of();
    Imputation impute = Imputation.NONE;
    boolean dropMissing;
    List<String> classNames;

    /** The label column (name or index; negative counts from the end); null = last. */
    public TableOptions label(String column) {
        this.label = column;
        return this;
    }

    public TableOptions task(Task task) {
        this.task = task;
        return this;
    }

    /** Forces the first row to be (true) or not be (false) a header; null = detect. */
    public TableOptions header(Boolean hasHeader) {
        this.header = hasHeader;
        return this;
    }

    /** Only these columns are features, in this order; null = every column except the label. */
    public TableOptions features(List<String> columns) {
        this.features = columns == null ? null : List.copyOf(columns);
        return this;
    }

    /** Columns that are not features (IDs, names). */
    public TableOptions drop(List<String> columns) {
        this.drop = List.copyOf(columns);
        return this;
    }

    /** Columns read as categories even when every value looks like a number. */
    public TableOptions categorical(List<String> columns) {
        this.categorical = List.copyOf(columns);
        return this;
    }

    public TableOptions impute(Imputation how) {
        this.impute = how;
        return this;
    }

    /** Skip rows with a missing feature value instead of failing. */
    public TableOptions dropMissing(boolean on) {
        this.dropMissing = on;
        return this;
    }

    /** The classes a model knows, in output order (labels outside them are errors). */
    public TableOptions classNames(List<String> names) {
        this.classNames = names == null ? null : List.copyOf(names);
        return this;
    }
}
