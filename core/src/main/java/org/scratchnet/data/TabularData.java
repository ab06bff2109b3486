package org.scratchnet.data;

import java.util.List;

/**
 * A dataset read from a table, with the names needed to save and explain a model.
 *
 * @param dataset      x (N, D) features; y (N, K) one-hot for K &gt; 2 classes, (N, 1) 0/1 for
 *                     two classes (1 = the second class name), (N, 1) raw value for regression
 * @param featureNames D names (the header's, or x1..xD without a header)
 * @param classNames   K class names in output order (empty for regression)
 * @param task         CLASSIFICATION or REGRESSION (never AUTO)
 * @param labelName    name of the label column
 */
public record TabularData(Dataset dataset, List<String> featureNames, List<String> classNames, Task task,
        String labelName) {
    public TabularData {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }
}
