package org.scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.data.Dataset;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.tensor.Tensor;

/**
 * The training loop, readable top to bottom: for each epoch, shuffle → for each batch:
 * zero grads → forward → loss → backward → optimizer step → listeners.
 *
 * <pre>{@code
 * History h = Trainer.builder(model, new BinaryCrossEntropy(), new Sgd(0.5f))
 *         .epochs(1000).batchSize(0).seed(42)
 *         .listener(new LogEvery(100, System.out))
 *         .build().fit(data);
 * }</pre>
 *
 * Batch size 0 means the full batch (classic gradient descent); 1 means one sample per update.
 */
public final class Trainer {
    private final Sequential model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final Dataset validation;
    private final List<TrainingListener> listeners;
    private int epochsDone;
    private long stepsDone;

    private Trainer(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.validation = b.validation;
        this.listeners = List.copyOf(b.listeners);
        this.epochsDone = b.epochsDone;
        this.stepsDone = b.stepsDone;
    }

    public static Builder builder(Sequential model, Loss loss, Optimizer optimizer) {
        return new Builder(model, loss, optimizer);
    }

    /**
     * Trains on {@code train} and returns the per-epoch history. Epochs are numbered on from the
     * resumed state ({@link Builder#resume}); each epoch's shuffle depends only on the seed and the
     * epoch's number, so 5 epochs and then 5 more from the saved state give the same bits as 10.
     */
    public History fit(Dataset train) {
        checkData("training", train);
        if (validation != null) {
            checkData("validation", validation);
        }
        int n = train.size();
        Rng shuffleRng = Rng.forPurpose(seed, "shuffle");
        List<Parameter> params = model.parameters();
        int first = epochsDone + 1, last = epochsDone + epochs;
        TrainContext ctx = new TrainContext(model, optimizer, last, n, epochsDone);
        History history = new History();
        Pass pass = new Pass(train, ctx);
        boolean shuffled = shuffle && pass.batch < n;
        if (shuffled) {
            for (int e = 1; e < first; e++) { // replay the shuffles of the epochs already done
                shuffleRng.shuffle(pass.order);
            }
        }

        listeners.forEach(l -> l.onTrainBegin(ctx));
        for (int epoch = first; epoch <= last; epoch++) {
            long start = System.nanoTime();
            if (shuffled) {
                shuffleRng.shuffle(pass.order);
            }
            pass.epoch(epoch);
            stepsDone = pass.step;
            epochsDone = epoch;
            // an update can overflow the weights with no later loss left to notice (last step, or
            // a dead ReLU masking them), so a model never comes back looking trained with NaN inside
            checkParameters(params, epoch, pass.step);
            double valLoss = Double.NaN, valAcc = Double.NaN;
            if (validation != null) {
                Tensor vp = predict(model, validation);
                valLoss = loss.value(vp, validation.y());
                valAcc = pass.classify ? Metrics.accuracy(vp, validation.y(), pass.logits) : Double.NaN;
            }
            EpochStats stats = new EpochStats(epoch, pass.step, pass.lossSum / n,
                    pass.classify ? (double) pass.correct / n : Double.NaN, valLoss, valAcc,
                    (System.nanoTime() - start) / 1e9);
            history.add(stats);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(ctx, stats);
            }
            if (ctx.stopReason() != null) {
                history.stopReason(ctx.stopReason());
                break;
            }
        }
        listeners.forEach(l -> l.onTrainEnd(ctx, history));
        return history;
    }

    /** Rows per inference pass over a compact dataset: a conv net's maps for 64 images are a few MB, short-lived garbage the young generation takes. */
    static final int PREDICT_ROWS = 64;

    /**
     * The model's outputs on all of {@code data}'s x (N, outputs...). A compact dataset goes
     * through in chunks of {@link #PREDICT_ROWS} rows, so its floats never exist all at once;
     * rows are independent, so the values are the same as in one pass.
     */
    public static Tensor predict(Sequential model, Dataset data) {
        if (!data.isCompact()) {
            return model.predict(data.x());
        }
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("predict: the dataset is empty");
        }
        float[] out = null;
        int[] shape = null;
        for (int from = 0; from < n; from += PREDICT_ROWS) {
            int to = Math.min(n, from + PREDICT_ROWS);
            Tensor p = model.predict(data.sliceX(from, to));
            if (out == null) {
                shape = p.shape();
                shape[0] = n;
                out = new float[Math.multiplyExact(n, p.size() / (to - from))];
            }
            System.arraycopy(p.data(), 0, out, from * (p.size() / (to - from)), p.size());
        }
        return Tensor.of(out, shape);
    }

    /** Where training stands now: the optimizer with its state, epochs and steps done (what a model file keeps to resume). */
    public TrainingState state() {
        return new TrainingState(optimizer, epochsDone, stepsDone);
    }

    private TrainingDivergedException diverged(double value, int epoch, long step) {
        return diverged("loss became " + (Double.isNaN(value) ? "NaN" : "infinite"), epoch, step);
    }

    private TrainingDivergedException diverged(String what, int epoch, long step) {
        String msg = String.format(Locale.ROOT,
                "%s at epoch %d (step %d): lower the learning rate (now %s), "
                        + "check the input for NaN/Inf or very large values (standardize features), or clip gradients",
                what, epoch, step, optimizer.learningRate());
        return new TrainingDivergedException(msg, epoch, step);
    }

    private void checkParameters(List<Parameter> params, int epoch, long step) {
        for (Parameter p : params) {
            if (!p.value().allFinite()) {
                throw diverged("parameter '" + p.name() + "' became NaN or infinite", epoch, step);
            }
        }
    }

    private void checkData(String which, Dataset d) {
        if (d.size() == 0) {
            throw new IllegalArgumentException(which + " data is empty");
        }
        int[] in = model.inputShape();
        if (in.length == 1 && d.features() != model.inputWidth()) {
            throw new IllegalArgumentException(which + " data has " + d.features() + " features " + d.xShapeString()
                    + ", model expects " + model.inputWidth());
        }
        if (!java.util.Arrays.equals(d.sampleShape(), in)) {
            throw new IllegalArgumentException(which + " data " + d.xShapeString() + " does not match the model's input "
                    + org.scratchnet.layer.Configs.batchShape(in));
        }
        if (d.targets() != model.outputWidth()) {
            throw new IllegalArgumentException(which + " targets have " + d.targets() + " columns " + d.y().shapeString()
                    + ", model outputs " + model.outputWidth());
        }
        if (!d.isCompact()) { // bytes map through a table of finite values
            checkFinite(which + " features", d.x());
        }
        checkFinite(which + " targets", d.y());
    }

    private static void checkFinite(String what, Tensor t) {
        float[] v = t.data();
        int c = t.cols();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " contain " + v[i] + " at row " + (i / c + 1)
                        + ", column " + (i % c + 1) + ": remove or impute such values before training");
            }
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Settings for a {@link Trainer}. Defaults: 10 epochs, batch 32, shuffled, seed 42. */
    public static final class Builder {
        private final Sequential model;
        private final Loss loss;
        private final Optimizer optimizer;
        private int epochs = 10;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed = 42;
        private Dataset validation;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private int epochsDone;
        private long stepsDone;

        private Builder(Sequential model, Loss loss, Optimizer optimizer) {
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
        }

        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Rows per update: 0 = full batch, 1 = per sample. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 0) {
                throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether to reshuffle the rows every epoch (ignored for full-batch training). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /**
         * Continues from a saved state: its epochs and steps are counted as done (the next epoch
         * is {@code epochs + 1}; shuffles and dropout masks continue as in one run). The state's
         * optimizer must be the one this builder was given, with its state loaded.
         */
        public Builder resume(TrainingState state) {
            if (state.optimizer() != optimizer) {
                throw new IllegalArgumentException("resume: the state's optimizer is not the trainer's optimizer");
            }
            this.epochsDone = state.epochs();
            this.stepsDone = state.steps();
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }

    /**
     * One pass over the training data in batches: zero grads → forward → loss → backward →
     * optimizer step → listeners, for each batch. The batch loop and the batch are methods of their
     * own, apart from {@link #fit}'s epoch loop: the JIT then compiles a training step once, as it
     * runs often, and no long-running loop makes it compile a copy with the whole step inlined
     * (hundreds of milliseconds, on a core the training threads use).
     */
    private final class Pass {
        final Dataset train;
        final TrainContext ctx;
        final int n;
        final int batch;
        final boolean classify;
        final boolean logits;
        final int[] order;
        final TrainStep trainStep = new TrainStep(model, loss);
        final BatchBuffer batchX = new BatchBuffer();
        final BatchBuffer batchY = new BatchBuffer();
        long step = stepsDone;
        double lossSum;
        long correct;

        Pass(Dataset train, TrainContext ctx) {
            this.train = train;
            this.ctx = ctx;
            this.n = train.size();
            this.batch = batchSize == 0 ? n : Math.min(batchSize, n);
            this.classify = Metrics.isClassificationTarget(train.y());
            this.logits = loss.takesLogits();
            this.order = identity(n);
        }

        /** Every batch of one epoch, in {@link #order}: sums the loss and the correct predictions. */
        void epoch(int epoch) {
            lossSum = 0;
            correct = 0;
            int batches = (n + batch - 1) / batch;
            for (int bi = 0; bi < batches; bi++) {
                batch(epoch, bi, batches);
            }
        }

        /** One training step on batch {@code bi} of {@code batches}. */
        void batch(int epoch, int bi, int batches) {
            int from = bi * batch, to = Math.min(n, from + batch);
            boolean whole = from == 0 && to == n && !shuffle;
            Tensor xb = whole ? train.x() : train.gatherX(batchX.next(train.xShape(), to - from), order, from, to);
            Tensor yb = whole ? train.y() : batchY.next(train.y().shape(), to - from).gatherRowsInPlace(train.y(), order, from, to);

            step++;
            TrainStep.Result r = trainStep.gradients(xb, yb, new BatchContext(seed, step, order, from));
            if (!Double.isFinite(r.lossSum())) {
                throw diverged(r.lossSum(), epoch, step);
            }
            if (classify) {
                correct += Metrics.correct(r.predictions(), yb, logits);
            }
            trainStep.apply(optimizer);

            lossSum += r.lossSum();
            for (TrainingListener l : listeners) {
                l.onBatchEnd(ctx, epoch, bi + 1, batches, r.meanLoss());
            }
        }
    }

    /** Reused batch tensors: one for full batches, one for the shorter last batch. No allocation per step. */
    private static final class BatchBuffer {
        private Tensor full;
        private Tensor tail;

        /** A tensor of {@code shape} with {@code rows} rows (the caller fills it): batches keep the sample shape. */
        Tensor next(int[] shape, int rows) {
            if (full == null || full.rows() == rows) {
                full = full != null ? full : Tensor.zeros(withRows(shape, rows));
                return full;
            }
            if (tail == null || tail.rows() != rows) {
                tail = Tensor.zeros(withRows(shape, rows));
            }
            return tail;
        }

        private static int[] withRows(int[] shape, int rows) {
            int[] s = shape.clone();
            s[0] = rows;
            return s;
        }
    }
}
