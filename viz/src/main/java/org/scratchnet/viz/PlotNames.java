package org.scratchnet.viz;

import java.util.List;

/**
 * What the axes of the data figures are called: the feature columns' names and the target's, and
 * whether the values drawn are standardized (then the axis says so).
 *
 * @param features           D input names (empty: x1, x2, ...)
 * @param target             the target's name (regression), or null for "value"
 * @param standardizedInputs the inputs drawn are (x - mean) / std
 * @param standardizedTarget the targets drawn are (y - mean) / std
 */
public record PlotNames(List<String> features, String target, boolean standardizedInputs, boolean standardizedTarget) {
    /** x1, x2, ... and "value", as given. */
    public static final PlotNames DEFAULT = new PlotNames(List.of(), null, false, false);

    public PlotNames {
        features = List.copyOf(features);
    }

    /** The axis name of input j (0-based). */
    public String feature(int j) {
        String name = j < features.size() ? features.get(j) : "x" + (j + 1);
        return standardizedInputs ? name + " (standardized)" : name;
    }

    /** The axis name of the target, prefixed ("actual", "predicted"). */
    public String target(String prefix) {
        String name = prefix + " " + (target == null ? "value" : target);
        return standardizedTarget ? name + " (standardized)" : name;
    }
}
