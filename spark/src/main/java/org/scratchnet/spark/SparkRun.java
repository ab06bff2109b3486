package org.scratchnet.spark;

import java.nio.file.Path;

/**
 * How a Spark training run goes.
 *
 * @param epochs          epochs to train (more, after a resumed state's)
 * @param batchSize       global batch: rows per update over all partitions (0 = all rows)
 * @param seed            seeds the shuffle and dropout masks (weights are seeded when the model is built)
 * @param shuffle         reshuffle the rows every epoch (as core's Trainer)
 * @param syncEvery       1 = synchronous steps; K &gt; 1 = K local steps per partition, then model averaging
 * @param checkpointEvery write {@code checkpoint} every this many steps (0 = never)
 * @param checkpoint      where checkpoints go (model file with optimizer state), or null
 * @param targetAccuracy  stop after the first epoch whose validation accuracy reaches this (0 = off)
 * @param failOnceAtStep  tests only: the first attempt of partition 0's task at this step fails (0 = off)
 */
public record SparkRun(int epochs, int batchSize, long seed, boolean shuffle, int syncEvery, int checkpointEvery,
        Path checkpoint, double targetAccuracy, long failOnceAtStep) {
    public SparkRun {
        if (epochs < 1) {
            throw SparkInputException.usage("--epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw SparkInputException.usage("--batch-size must be >= 0 (0 = all rows), got " + batchSize);
        }
        if (syncEvery < 1) {
            throw SparkInputException.usage("--sync-every must be >= 1, got " + syncEvery);
        }
        if (checkpointEvery < 0) {
            throw SparkInputException.usage("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
    }

    /** Synchronous training: {@code epochs} epochs of global batch {@code batchSize}, shuffled, no checkpoints. */
    public static SparkRun sync(int epochs, int batchSize, long seed) {
        return new SparkRun(epochs, batchSize, seed, true, 1, 0, null, 0, 0);
    }

    public SparkRun withSyncEvery(int k) {
        return new SparkRun(epochs, batchSize, seed, shuffle, k, checkpointEvery, checkpoint, targetAccuracy, failOnceAtStep);
    }

    public SparkRun withEpochs(int e) {
        return new SparkRun(e, batchSize, seed, shuffle, syncEvery, checkpointEvery, checkpoint, targetAccuracy, failOnceAtStep);
    }

    public SparkRun withCheckpoints(int every, Path file) {
        return new SparkRun(epochs, batchSize, seed, shuffle, syncEvery, every, file, targetAccuracy, failOnceAtStep);
    }

    public SparkRun withTargetAccuracy(double a) {
        return new SparkRun(epochs, batchSize, seed, shuffle, syncEvery, checkpointEvery, checkpoint, a, failOnceAtStep);
    }

    SparkRun withFailureAt(long step) {
        return new SparkRun(epochs, batchSize, seed, shuffle, syncEvery, checkpointEvery, checkpoint, targetAccuracy, step);
    }
}
