package org.scratchnet.train;

import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;

/** What listeners can see of a running training, and how they stop it. */
public final class TrainContext {
    private final Sequential model;
    private final Optimizer optimizer;
    private final int epochs;
    private final int samples;
    private String stopReason;

    TrainContext(Sequential model, Optimizer optimizer, int epochs, int samples) {
        this.model = model;
        this.optimizer = optimizer;
        this.epochs = epochs;
        this.samples = samples;
    }

    public Sequential model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The number of epochs requested. */
    public int epochs() {
        return epochs;
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
