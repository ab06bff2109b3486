package org.scratchnet.optim;

/**
 * How the learning rate changes from one epoch to the next. Called once at the end of each
 * epoch; the rate it returns is the one the next epoch uses. Epochs are numbered from 1, as
 * {@code EpochStats.epoch()} reports them, and step and cosine schedules are functions of that
 * number alone, so a run resumed at a later epoch continues them. Build one with
 * {@link LrSchedules#parse}.
 */
public interface LrSchedule {
    /**
     * The rate for epoch {@code epoch + 1}.
     *
     * @param epoch     the epoch just finished, from 1
     * @param epochs    the run's epoch count (cosine anneals over it)
     * @param baseLr    the rate of epoch 1
     * @param currentLr the rate epoch {@code epoch} used
     * @param loss      the loss the schedule watches (validation if there is some, else training)
     */
    double next(int epoch, int epochs, double baseLr, double currentLr, double loss);

    /** Forgets what a stateful schedule (plateau) has seen; called when a run begins. */
    default void reset() {
    }

    /** The spec that {@link LrSchedules#parse} turns back into this schedule, e.g. {@code step:10:0.5}. */
    String spec();

    /** For logs: {@code "step: lr x0.5 every 10 epochs"}. */
    String describe();
}
