package org.scratchnet.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Per-epoch figures of a training run, in order. */
public final class History {
    private final List<EpochStats> epochs = new ArrayList<>();
    private String stopReason = "completed";

    void add(EpochStats s) {
        epochs.add(s);
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }

    /** Why training ended: "completed", or the listener's reason (e.g. early stopping). */
    public String stopReason() {
        return stopReason;
    }

    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public int size() {
        return epochs.size();
    }

    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epochs recorded");
        }
        return epochs.get(epochs.size() - 1);
    }

    public double[] losses() {
        return epochs.stream().mapToDouble(EpochStats::loss).toArray();
    }

    public double[] accuracies() {
        return epochs.stream().mapToDouble(EpochStats::accuracy).toArray();
    }

    public double[] valLosses() {
        return epochs.stream().mapToDouble(EpochStats::valLoss).toArray();
    }

    public double[] valAccuracies() {
        return epochs.stream().mapToDouble(EpochStats::valAccuracy).toArray();
    }
}
