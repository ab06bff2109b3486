package org.scratchnet.io;

import java.util.List;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.tensor.Tensor;

/**
 * Everything a model file holds: the network with its weights, and what is needed to use it on
 * new data.
 *
 * @param model        the network (Dense and activation layers)
 * @param loss         loss name as {@code Losses.byName} accepts it ("bce", "softmax_ce", ...)
 * @param standardizer feature normalization fit on the training split, or null for none
 * @param classNames   class names in output order (empty for regression or when unknown)
 * @param featureNames input feature names (empty when unknown, else one per input)
 * @param task         classification or regression
 * @param training     the optimizer with its state, epochs and steps done (to resume training), or null
 * @param columns      how table columns become inputs (names, one-hot vocabularies, fill values,
 *                     target scaling), or null for models that read their inputs as given
 */
public record SavedModel(Sequential model, String loss, Standardizer standardizer, List<String> classNames,
        List<String> featureNames, Task task, TrainingState training, ColumnRules columns) {
    /** A model without training state (it can still be trained further, with a fresh optimizer). */
    public SavedModel(Sequential model, String loss, Standardizer standardizer, List<String> classNames,
            List<String> featureNames, Task task) {
        this(model, loss, standardizer, classNames, featureNames, task, null, null);
    }

    /** A model with training state and without column rules. */
    public SavedModel(Sequential model, String loss, Standardizer standardizer, List<String> classNames,
            List<String> featureNames, Task task, TrainingState training) {
        this(model, loss, standardizer, classNames, featureNames, task, training, null);
    }

    public SavedModel {
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
        String problem = problem(model, standardizer, classNames, featureNames);
        if (problem == null && columns != null && columns.encodedWidth() != model.inputWidth()) {
            problem = "column rules encode " + columns.encodedWidth() + " inputs, model input width is "
                    + model.inputWidth();
        }
        if (problem != null) {
            throw new IllegalArgumentException("SavedModel: " + problem);
        }
    }

    /**
     * The model's outputs for encoded but unstandardized features: x (N, D) or (N, C, H, W) is
     * standardized with the stored parameters when there are any, then run through the model; a
     * regression target that was scaled for training is mapped back to its own unit. Returns (N, K).
     */
    public Tensor predict(Tensor x) {
        Tensor out = model.predict(standardizer == null ? x : standardizer.transform(x));
        return columns == null || columns.target() == null ? out : columns.target().unscale(out);
    }

    /** Why these parts do not fit together, or null when they do. Shared with the loader's checks. */
    static String problem(Sequential model, Standardizer standardizer, List<String> classNames,
            List<String> featureNames) {
        int d = model.inputWidth();
        if (standardizer != null && standardizer.features() != d) {
            return "normalization has " + standardizer.features() + " features, model input width is " + d;
        }
        if (!featureNames.isEmpty() && featureNames.size() != d) {
            return featureNames.size() + " feature names for input width " + d;
        }
        int k = model.outputWidth();
        if (!classNames.isEmpty() && classNames.size() != k && !(classNames.size() == 2 && k == 1)) {
            return classNames.size() + " class names for output width " + k
                    + " (expected one per output, or 2 names for a single sigmoid output)";
        }
        return null;
    }
}
