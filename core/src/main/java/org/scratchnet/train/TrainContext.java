package org.scratchnet.train;

import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;

/** What listeners can see of a running training, and how they stop it. */
public final class TrainContext {
    private final Sequential model;
    private final Optimizer optimizer;
    private final int epochs;
    private final int samples;
    private final int startEpoch;
    private String stopReason;

    TrainContext(Sequential model, Optimizer optimizer, int epochs, int samples, int startEpoch) {
        this.model = model;
        this.optimizer = optimizer;
        this.epochs = epochs;
        this.samples = samples;
        this.startEpoch = startEpoch;
    }

    public Sequential model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The number of the last epoch this run will reach: the epochs requested plus those done before resuming. */
    public int epochs() {
        return epochs;
    }

    /** Epochs already done when this run started (0 unless resumed); this run's first epoch is one more. */
    public int startEpoch() {
        return startEpoch;
    }

    /** Training rows per epoch. */
    public int samples() {
        return samples;
    }

    /** Ends training after the current epoch, recording {@code reason} in the history. */
    public void requestStop(String reason) {
        this.stopReason = reason;
    }

    String stopReason() {
        return stopReason;
    }
}
