package org.scratchnet.train;

/**
 * One epoch's figures. Loss and accuracy are averaged over the epoch's batches, weighted by
 * batch size (as Keras reports them); accuracy is NaN for regression targets; the validation
 * fields are NaN when there is no validation set.
 */
public record EpochStats(int epoch, long steps, double loss, double accuracy,
                         double valLoss, double valAccuracy, double seconds) {
    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
