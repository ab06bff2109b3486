package org.scratchnet.cli.train;

import java.util.ArrayList;
import java.util.List;
import org.scratchnet.io.SavedModel;

/** Small helpers for describing a loaded model. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** The model's class names, or "0".."K-1" (2 for a single output) when the file has none. */
    static List<String> classNames(SavedModel m) {
        if (!m.classNames().isEmpty()) {
            return m.classNames();
        }
        int k = Math.max(2, m.model().outputWidth());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    static String describe(String file, SavedModel m) {
        return file + " (" + Network.describe(m.model()) + ", loss " + m.loss() + ", " + m.task().id()
                + (m.standardizer() == null ? "" : ", standardized inputs") + ")";
    }
}
