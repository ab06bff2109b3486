package org.scratchnet.optim;

/**
 * How far training has come: the optimizer (with its state, keyed by parameter name), the
 * epochs and the optimizer steps done. Model files keep it, so training resumes where it
 * stopped: the same seed then gives the same bits as one uninterrupted run.
 *
 * @param optimizer the optimizer with its state
 * @param epochs    epochs completed
 * @param steps     updates applied (batches seen), which also key dropout masks
 */
public record TrainingState(Optimizer optimizer, int epochs, long steps) {
    public TrainingState {
        if (optimizer == null) {
            throw new IllegalArgumentException("TrainingState: no optimizer");
        }
        if (epochs < 0 || steps < 0) {
            throw new IllegalArgumentException("TrainingState: epochs and steps must be >= 0, got " + epochs + ", " + steps);
        }
    }
}
