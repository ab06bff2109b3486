package org.scratchnet.web;

import java.util.List;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;

/** The session's network as a {@code .safetensors} model file, as {@code scratchnet train --save} writes it. */
final class ModelExport {
    private ModelExport() {
    }

    static SavedModel saved(Training t) {
        Task task = t.settings.regression() ? Task.REGRESSION : Task.CLASSIFICATION;
        List<String> classes = t.settings.regression() ? List.of() : List.of("0", "1");
        // the features are the model's first layer: it takes the raw point
        return new SavedModel(t.model, t.loss.name(), null, classes, List.of("x1", "x2"), task);
    }

    static byte[] bytes(Training t) {
        return ModelFile.toBytes(saved(t));
    }
}
