package org.scratchnet.train;

/** Hooks into the training loop. All methods are optional. */
public interface TrainingListener {
    default void onTrainBegin(TrainContext ctx) {
    }

    /** After each optimizer step; {@code batchLoss} is that batch's mean loss. */
    default void onBatchEnd(TrainContext ctx, int epoch, int batch, int batches, double batchLoss) {
    }

    /** After each epoch; call {@link TrainContext#requestStop} to end training. */
    default void onEpochEnd(TrainContext ctx, EpochStats stats) {
    }

    default void onTrainEnd(TrainContext ctx, History history) {
    }
}
