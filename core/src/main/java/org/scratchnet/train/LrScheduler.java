package org.scratchnet.train;

import org.scratchnet.optim.LrSchedule;
import org.scratchnet.optim.Optimizer;

/**
 * Applies an {@link LrSchedule} at the end of every epoch, including the last, so the optimizer
 * always holds the rate the next epoch would use (as calling PyTorch's {@code scheduler.step()}
 * once per epoch); a model saved after training and resumed goes on with the scheduled rate.
 * The schedule watches the validation loss when there is a validation set, else the training
 * loss.
 *
 * <p>The base rate is the optimizer's rate when training begins, or the one given to the
 * constructor: a resumed run whose optimizer already holds a scheduled rate passes the original
 * base so that step and cosine schedules continue where they were. A plateau schedule starts
 * its watch afresh at the beginning of every run, a resumed one included.
 */
public final class LrScheduler implements TrainingListener {
    private final LrSchedule schedule;
    private final double fixedBase;
    private double base;

    /** Takes the optimizer's rate at the start of training as the base rate. */
    public LrScheduler(LrSchedule schedule) {
        this(schedule, Double.NaN);
    }

    /** Uses {@code baseLr} as the rate of epoch 1 (for resumed runs). */
    public LrScheduler(LrSchedule schedule, double baseLr) {
        if (schedule == null) {
            throw new IllegalArgumentException("learning-rate schedule must not be null");
        }
        if (!Double.isNaN(baseLr) && !(baseLr > 0 && Double.isFinite(baseLr))) {
            throw new IllegalArgumentException("base learning rate must be a positive number, got " + baseLr);
        }
        this.schedule = schedule;
        this.fixedBase = baseLr;
    }

    public LrSchedule schedule() {
        return schedule;
    }

    @Override
    public void onTrainBegin(TrainContext ctx) {
        base = Double.isNaN(fixedBase) ? ctx.optimizer().learningRate() : fixedBase;
        schedule.reset();
    }

    @Override
    public void onEpochEnd(TrainContext ctx, EpochStats stats) {
        Optimizer opt = ctx.optimizer();
        double loss = stats.hasValidation() ? stats.valLoss() : stats.loss();
        double lr = schedule.next(stats.epoch(), ctx.epochs(), base, opt.learningRate(), loss);
        opt.setLearningRate((float) lr);
    }
}
