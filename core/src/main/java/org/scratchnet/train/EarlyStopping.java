package org.scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Format;

/**
 * Stops when the validation loss (the training loss if there is no validation set) has not
 * improved by at least {@code minDelta} for {@code patience} epochs, as Keras' EarlyStopping.
 * With {@code restoreBest}, the best epoch's weights are put back at the end.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int wait;
    private List<float[]> bestWeights;

    public EarlyStopping(int patience, double minDelta, boolean restoreBest) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public void onEpochEnd(TrainContext ctx, EpochStats stats) {
        double monitored = stats.hasValidation() ? stats.valLoss() : stats.loss();
        if (monitored < best - minDelta) {
            best = monitored;
            bestEpoch = stats.epoch();
            wait = 0;
            if (restoreBest) {
                bestWeights = new ArrayList<>();
                for (Parameter p : ctx.model().parameters()) {
                    bestWeights.add(p.value().data().clone());
                }
            }
            return;
        }
        wait++;
        if (wait >= patience) {
            ctx.requestStop(String.format(Locale.ROOT,
                    "early stopping at epoch %d: no improvement for %d epochs (best %s at epoch %d)",
                    stats.epoch(), patience, Format.figure(best), bestEpoch));
        }
    }

    @Override
    public void onTrainEnd(TrainContext ctx, History history) {
        if (restoreBest && bestWeights != null) {
            List<Parameter> ps = ctx.model().parameters();
            for (int i = 0; i < ps.size(); i++) {
                float[] d = ps.get(i).value().data();
                System.arraycopy(bestWeights.get(i), 0, d, 0, d.length);
            }
        }
    }
}
