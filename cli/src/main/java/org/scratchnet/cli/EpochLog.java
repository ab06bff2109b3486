package org.scratchnet.cli;

import java.io.PrintWriter;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.LogEvery;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.TrainingListener;

/**
 * Prints one progress line to a PrintWriter every {@code every} epochs. Two numbering styles:
 * {@link #every} prints at epochs 100, 200, ... (1-based, as the demo); {@link #everyFromZero}
 * prints numpy-loop style lines "Epoch 0, 100, ..." where loop index i = epoch − 1 (the loss our
 * epoch k reports is the loss before its update, which is what the numpy loops print at i = k − 1).
 */
public final class EpochLog implements TrainingListener {
    private final PrintWriter out;
    private final int every;
    private final boolean fromZero;
    private final LogEvery.LineFormat line;

    private EpochLog(PrintWriter out, int every, boolean fromZero, LogEvery.LineFormat line) {
        if (every < 1) {
            throw new IllegalArgumentException("log interval must be >= 1, got " + every);
        }
        this.out = out;
        this.every = every;
        this.fromZero = fromZero;
        this.line = line;
    }

    /** Prints {@code line} after epochs every, 2·every, ... (1-based). */
    public static EpochLog every(PrintWriter out, int every, LogEvery.LineFormat line) {
        return new EpochLog(out, every, false, line);
    }

    /** As {@link #every} with the demo's format: {@code epoch 100, loss = 0.1794, acc = 0.970}. */
    public static EpochLog every(PrintWriter out, int every) {
        return every(out, every, LogEvery.DEFAULT);
    }

    /**
     * Prints after epochs 1, every + 1, 2·every + 1, ...; the format gets the stats whose
     * {@code epoch() - 1} is the 0-based loop index to print.
     */
    public static EpochLog everyFromZero(PrintWriter out, int every, LogEvery.LineFormat line) {
        return new EpochLog(out, every, true, line);
    }

    @Override
    public void onEpochEnd(TrainContext ctx, EpochStats stats) {
        int index = fromZero ? stats.epoch() - 1 : stats.epoch();
        if (index % every == 0) {
            out.println(line.format(stats));
            out.flush();
        }
    }
}
