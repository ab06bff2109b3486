package org.scratchnet.cli.mnist;

import java.io.PrintWriter;
import java.util.Locale;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.TrainingListener;

/**
 * Progress in the PyTorch MNIST tutorial's words: every 100 batches
 * {@code Train Epoch: 1 [6400/60000 (11%)]	Loss: 0.2143}, and after each epoch
 * {@code Test set: Average loss: 0.0712, Accuracy: 9790/10000 (97.90%)} (mean cross-entropy per
 * test image). With {@code quiet} only the test lines are printed.
 */
final class TutorialLog implements TrainingListener {
    static final int EVERY = 100;
    private final PrintWriter out;
    private final boolean quiet;
    private final int batchSize;
    private final int testSize;

    TutorialLog(PrintWriter out, boolean quiet, int batchSize, int testSize) {
        this.out = out;
        this.quiet = quiet;
        this.batchSize = batchSize;
        this.testSize = testSize;
    }

    @Override
    public void onBatchEnd(TrainContext ctx, int epoch, int batch, int batches, double batchLoss) {
        int index = batch - 1;
        if (!quiet && index % EVERY == 0) {
            out.printf(Locale.ROOT, "Train Epoch: %d [%d/%d (%.0f%%)]\tLoss: %.4f%n", epoch, index * batchSize,
                    ctx.samples(), 100.0 * index / batches, batchLoss);
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(TrainContext ctx, EpochStats s) {
        long correct = Math.round(s.valAccuracy() * testSize);
        out.printf(Locale.ROOT, "%sTest set: Average loss: %.4f, Accuracy: %d/%d (%.2f%%)%s%n", quiet ? "" : "\n",
                s.valLoss(), correct, testSize, 100.0 * correct / testSize, quiet ? "" : "\n");
        out.flush();
    }
}
