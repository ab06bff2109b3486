package org.scratchnet.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.TrainStep;
import org.scratchnet.train.TrainingDivergedException;

/** The driver's half of a step: broadcast, aggregate, and update the model and optimizer. */
final class Steps {
    private final JavaSparkContext sc;
    private final String id;
    private final Broadcast<byte[]> modelBytes;
    private final SparkRun run;
    private final boolean classify;
    private final Sequential model;
    private final Optimizer optimizer;
    private final TrainStep trainStep;
    private final int parameters;
    private List<String> stateKeys;

    Steps(JavaSparkContext sc, String id, Broadcast<byte[]> modelBytes, SparkRun run, boolean classify, Sequential model,
            Optimizer optimizer, TrainStep trainStep) {
        this.sc = sc;
        this.id = id;
        this.modelBytes = modelBytes;
        this.run = run;
        this.classify = classify;
        this.model = model;
        this.optimizer = optimizer;
        this.trainStep = trainStep;
        this.parameters = Weights.parameterSize(model);
    }

    /** Loss and correct predictions summed over an epoch's steps. */
    static final class Tally {
        double loss;
        double correct;
        double rows;

        double loss() {
            return loss / rows;
        }

        double accuracy() {
            return correct / rows;
        }
    }

    /** One synchronous step over the global batch at epoch positions [from, to). */
    void sync(JavaRDD<EpochView> view, int from, int to, long step, int epoch, Tally tally) {
        Broadcast<float[]> w = sc.broadcast(Weights.export(model));
        int p = view.getNumPartitions();
        StepTask task = new StepTask(id, modelBytes, w, from, to, run.seed(), step, run.failOnceAtStep(), classify);
        double[] sum = view.treeAggregate(OrderedSum.ofVectors(p), task, OrderedSum::merge).total();
        w.destroy();
        int len = sum.length;
        double rows = sum[len - 2];
        if (!Double.isFinite(sum[len - 3])) {
            throw diverged("loss became NaN or infinite", epoch, step);
        }
        float[] g = new float[parameters];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (sum[i] / rows);
        }
        trainStep.importGradients(g, 1f);
        float[] buffers = new float[len - 3 - parameters];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = (float) (sum[parameters + i] / rows);
        }
        Weights.loadBuffers(model, buffers);
        trainStep.apply(optimizer);
        tally.loss += sum[len - 3];
        tally.rows += rows;
        tally.correct += sum[len - 1];
    }

    /** {@code k} local steps per partition from global step index {@code b} of the epoch, then averaging. */
    void round(JavaRDD<EpochView> view, int b, int k, int batch, int n, long stepsDone, int epoch, Tally tally) {
        if (stateKeys == null) {
            stateKeys = stateKeys();
        }
        // the keys always travel: a partition returns its state in this order even when the
        // driver has none yet (the first round), so the averaged state is never dropped
        Map<String, Tensor> state = optimizer.state();
        float[] flatState = state.isEmpty() ? new float[0] : StateVector.flatten(state, stateKeys);
        RoundTask.RoundStart start = new RoundTask.RoundStart(Weights.export(model), optimizer.name(),
                optimizer.config(), flatState, stateKeys, stepsDone);
        Broadcast<RoundTask.RoundStart> bc = sc.broadcast(start);
        int p = view.getNumPartitions();
        RoundTask task = new RoundTask(id, modelBytes, bc, batch, b, k, n, run.seed(), classify, run.failOnceAtStep());
        double[] sum = view.treeAggregate(OrderedSum.ofVectors(p), task, OrderedSum::merge).total();
        bc.destroy();
        int len = sum.length;
        double rows = sum[len - 2];
        if (!Double.isFinite(sum[len - 3])) {
            throw diverged("loss became NaN or infinite", epoch, stepsDone + k);
        }
        int wl = Weights.size(model);
        float[] w = new float[wl];
        for (int i = 0; i < wl; i++) {
            w[i] = (float) (sum[i] / rows);
        }
        Weights.load(model, w);
        float[] st = new float[len - 3 - wl];
        for (int i = 0; i < st.length; i++) {
            st[i] = (float) (sum[wl + i] / rows);
        }
        optimizer.loadState(st.length == 0 ? Map.of() : StateVector.unflatten(st, stateKeys, model), stepsDone + k);
        tally.loss += sum[len - 3];
        tally.rows += rows;
        tally.correct += sum[len - 1];
    }

    /** The optimizer's state keys, sorted: found by one step of a copy on zero gradients. */
    private List<String> stateKeys() {
        Optimizer probe = Optimizers.create(optimizer.name(), optimizer.config());
        Sequential copy = org.scratchnet.io.ModelFile.fromBytes("probe", modelBytes.value()).model();
        copy.zeroGrad();
        probe.step(copy.parameters());
        return new ArrayList<>(new TreeMap<>(probe.state()).keySet());
    }

    private TrainingDivergedException diverged(String what, int epoch, long step) {
        return new TrainingDivergedException(String.format(Locale.ROOT,
                "%s at epoch %d (step %d): lower the learning rate (now %s), check the input for NaN/Inf or very"
                        + " large values, or clip gradients", what, epoch, step, optimizer.learningRate()), epoch, step);
    }
}
