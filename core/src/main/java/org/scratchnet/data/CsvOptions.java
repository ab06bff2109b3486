package org.scratchnet.data;

import java.util.List;

/**
 * How {@link CsvLoader} reads a labeled file. Defaults: label = last column, task = auto,
 * header detected, classes taken from the data, any number of features.
 */
public final class CsvOptions {
    String label;
    Task task = Task.AUTO;
    Boolean header;
    List<String> classNames;
    int expectedFeatures = -1;

    /**
     * The label column: a header name, or an integer index counted from 0 (negative counts from
     * the end, -1 = last). A name that is in the header wins over reading it as an index.
     * Null = last column.
     */
    public CsvOptions label(String column) {
        this.label = column;
        return this;
    }

    public CsvOptions task(Task task) {
        this.task = task;
        return this;
    }

    /** Forces the first row to be (true) or not be (false) a header; null = detect. */
    public CsvOptions header(Boolean hasHeader) {
        this.header = hasHeader;
        return this;
    }

    /**
     * The classes a saved model knows, in its output order (for evaluate). Labels outside this
     * list are reported as errors instead of becoming new classes.
     */
    public CsvOptions classNames(List<String> names) {
        this.classNames = names == null ? null : List.copyOf(names);
        return this;
    }

    /** The feature count the data must have (a model's input width); -1 = any. */
    public CsvOptions expectedFeatures(int count) {
        this.expectedFeatures = count;
        return this;
    }
}
