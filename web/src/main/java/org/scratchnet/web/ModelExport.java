package org.scratchnet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return new SavedModel(t.model, t.loss.name(), null, classes, t.settings.features(), task);
    }

    static byte[] bytes(Training t) {
        try {
            Path dir = Files.createTempDirectory("playground");
            Path file = dir.resolve("model.safetensors");
            try {
                ModelFile.save(file, saved(t));
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
