package org.scratchnet.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.scratchnet.data.Task;
import org.scratchnet.init.Rng;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.train.TrainStep;

/**
 * Data-parallel training, readable top to bottom: for each epoch, the same shuffle as core's
 * {@code Trainer} (seeded by the run's seed and the epoch) → for each global batch: broadcast the
 * weights → every partition computes the gradient sum of its rows of the batch → a treeAggregate
 * adds them in a fixed tree over the partitions → the driver divides by the batch size and lets
 * the optimizer step. With {@code syncEvery} K &gt; 1 each partition instead takes K local steps
 * from the broadcast model and the driver averages the models (and optimizer states) by rows.
 * The driver holds the model and one vector per step; rows stay in the executors' cached blocks.
 */
public final class SparkTrainer {
    private final JavaSparkContext sc;
    private final SparkRun run;
    private final Consumer<String> log;

    public SparkTrainer(JavaSparkContext sc, SparkRun run, Consumer<String> log) {
        this.sc = sc;
        this.run = run;
        this.log = log;
    }

    /**
     * Trains {@code start}'s model on {@code blocks} (cached; their partitioning fixes the result)
     * with {@code optimizer}, continuing from {@code resumed} when not null; returns the model with
     * its training state. {@code validation}, when not null, is evaluated after every epoch.
     */
    public SavedModel fit(SavedModel start, Optimizer optimizer, TrainingState resumed, JavaRDD<Block> blocks,
            JavaRDD<Block> validation) {
        Sequential model = start.model();
        boolean classify = start.task() != Task.REGRESSION;
        long[] offsets = offsets(blocks);
        long total = offsets[offsets.length - 1];
        if (total == 0) {
            throw SparkInputException.data("expected rows, found an empty dataset");
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw SparkInputException.data("expected at most " + (Integer.MAX_VALUE - 8) + " rows, found " + total);
        }
        int n = (int) total;
        int batch = run.batchSize() == 0 ? n : Math.min(run.batchSize(), n);
        int perEpoch = (n + batch - 1) / batch;
        boolean shuffled = run.shuffle() && batch < n;
        int epochsDone = resumed == null ? 0 : resumed.epochs();
        long stepsDone = resumed == null ? 0 : resumed.steps();
        int inEpoch = (int) (stepsDone - (long) epochsDone * perEpoch);
        if (inEpoch < 0 || inEpoch >= perEpoch) {
            throw SparkInputException.data("--resume: the checkpoint has " + epochsDone + " epoch(s) and " + stepsDone
                    + " step(s), which do not fit " + perEpoch + " step(s) per epoch (" + n + " rows, batch " + batch
                    + "): resume with the same data and --batch-size");
        }
        String id = UUID.randomUUID().toString();
        Broadcast<byte[]> modelBytes = sc.broadcast(ModelFile.toBytes(start));
        Rng shuffleRng = Rng.forPurpose(run.seed(), "shuffle");
        int[] order = identity(n);
        if (shuffled) {
            for (int e = 1; e <= epochsDone; e++) {
                shuffleRng.shuffle(order); // replay: each epoch's order depends only on the seed and its number
            }
        }
        Steps steps = new Steps(sc, id, modelBytes, run, classify, model, optimizer, new TrainStep(model,
                org.scratchnet.loss.Losses.byName(start.loss())));
        Evaluator eval = validation == null ? null : new Evaluator(sc, id, modelBytes, classify);
        int last = epochsDone + run.epochs();
        long stepNanos = 0, stepCount = 0;
        int firstEpoch = epochsDone + 1;
        try {
            for (int epoch = firstEpoch; epoch <= last; epoch++) {
                long began = System.nanoTime();
                if (shuffled) {
                    shuffleRng.shuffle(order);
                }
                JavaRDD<EpochView> view = views(blocks, offsets, order);
                Steps.Tally tally = new Steps.Tally();
                long stepStart = System.nanoTime();
                long stepsBefore = stepsDone;
                int first = epoch == firstEpoch ? inEpoch : 0; // a resumed run goes on mid-epoch
                for (int b = first; b < perEpoch; ) {
                    int k = run.syncEvery() <= 1 ? 1 : Math.min(run.syncEvery(), perEpoch - b);
                    if (run.syncEvery() <= 1) {
                        steps.sync(view, b * batch, Math.min(n, (b + 1) * batch), ++stepsDone, epoch, tally);
                    } else {
                        steps.round(view, b, k, batch, n, stepsDone, epoch, tally);
                        stepsDone += k;
                    }
                    b += k;
                    if (run.checkpointEvery() > 0 && stepsDone / run.checkpointEvery() != (stepsDone - k) / run.checkpointEvery()) {
                        checkpoint(start, optimizer, b == perEpoch ? epoch : epoch - 1, stepsDone);
                    }
                }
                stepNanos += System.nanoTime() - stepStart;
                stepCount += stepsDone - stepsBefore;
                view.unpersist(false);
                epochsDone = epoch;
                String line = String.format(Locale.ROOT, "epoch %d/%d: loss %.4f%s", epoch, last, tally.loss(),
                        classify ? String.format(Locale.ROOT, ", accuracy %.4f", tally.accuracy()) : "");
                double valAcc = Double.NaN;
                if (eval != null) {
                    double[] v = eval.evaluate(validation, Weights.export(model), start.loss());
                    valAcc = v[1];
                    line += String.format(Locale.ROOT, ", val_loss %.4f%s", v[0],
                            classify ? String.format(Locale.ROOT, ", val_accuracy %.4f", v[1]) : "");
                }
                log.accept(line + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - began) / 1e9));
                if (run.targetAccuracy() > 0 && valAcc >= run.targetAccuracy()) {
                    log.accept(String.format(Locale.ROOT, "reached val_accuracy %.4f >= %.4f: stopping", valAcc,
                            run.targetAccuracy()));
                    break;
                }
            }
            log.accept(String.format(Locale.ROOT, "mean step %.1f ms over %d steps (the epochs' step loops, without"
                    + " evaluation)", stepNanos / 1e6 / Math.max(1, stepCount), stepCount));
        } finally {
            modelBytes.destroy();
            Workers.forget(id);
        }
        return with(start, new TrainingState(optimizer, epochsDone, stepsDone));
    }

    private void checkpoint(SavedModel start, Optimizer optimizer, int epochs, long steps) {
        if (run.checkpoint() == null) {
            return;
        }
        try {
            ModelFile.save(run.checkpoint(), with(start, new TrainingState(optimizer, epochs, steps)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SavedModel with(SavedModel s, TrainingState state) {
        return new SavedModel(s.model(), s.loss(), s.standardizer(), s.classNames(), s.featureNames(), s.task(), state,
                s.columns());
    }

    /** Dataset position of each partition's first row, then the total: {@code offsets[p]}, {@code offsets[P]}. */
    static long[] offsets(JavaRDD<Block> blocks) {
        List<Integer> sizes = blocks.map(Block::rows).collect(); // one number per partition
        long[] off = new long[sizes.size() + 1];
        for (int p = 0; p < sizes.size(); p++) {
            off[p + 1] = off[p] + sizes.get(p);
        }
        return off;
    }

    /** Each partition's rows in the epoch order: one broadcast of the inverse permutation, n ints. */
    private JavaRDD<EpochView> views(JavaRDD<Block> blocks, long[] offsets, int[] order) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        Broadcast<int[]> inv = sc.broadcast(inverse);
        long[] off = offsets;
        JavaRDD<EpochView> v = blocks.map(b -> EpochView.of(b, off[b.partition()], inv.value()));
        v.persist(StorageLevel.MEMORY_ONLY());
        v.count(); // materialize now, so the broadcast can go
        inv.unpersist(false);
        return v;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
