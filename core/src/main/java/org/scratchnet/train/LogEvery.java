package org.scratchnet.train;

import java.io.PrintStream;
import java.util.Locale;
import org.scratchnet.tensor.Format;

/**
 * Prints one line every {@code every} epochs (and after the last), by default in the first
 * tutorial's format: {@code epoch 100, loss = 0.1794, acc = 0.970}.
 */
public final class LogEvery implements TrainingListener {
    /** Turns an epoch's figures into the line to print. */
    @FunctionalInterface
    public interface LineFormat {
        String format(EpochStats s);
    }

    public static final LineFormat DEFAULT = s -> {
        StringBuilder sb = new StringBuilder("epoch " + s.epoch() + ", loss = " + Format.figure(s.loss()));
        if (!Double.isNaN(s.accuracy())) {
            sb.append(String.format(Locale.ROOT, ", acc = %.3f", s.accuracy()));
        }
        if (s.hasValidation()) {
            sb.append(", val_loss = ").append(Format.figure(s.valLoss()));
            if (!Double.isNaN(s.valAccuracy())) {
                sb.append(String.format(Locale.ROOT, ", val_acc = %.3f", s.valAccuracy()));
            }
        }
        return sb.toString();
    };

    private final int every;
    private final PrintStream out;
    private final LineFormat format;

    public LogEvery(int every, PrintStream out) {
        this(every, out, DEFAULT);
    }

    public LogEvery(int every, PrintStream out, LineFormat format) {
        if (every < 1) {
            throw new IllegalArgumentException("log interval must be >= 1, got " + every);
        }
        this.every = every;
        this.out = out;
        this.format = format;
    }

    @Override
    public void onEpochEnd(TrainContext ctx, EpochStats stats) {
        if (stats.epoch() % every == 0) {
            out.println(format.format(stats));
        }
    }
}
