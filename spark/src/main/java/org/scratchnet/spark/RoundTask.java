package org.scratchnet.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.TrainStep;

/**
 * One round of local steps with model averaging ({@code --sync-every K}) on one partition: from
 * the broadcast weights and optimizer state, the partition takes K optimizer steps of its own,
 * step t on its rows of global batch t of the round (so every row is still seen once an epoch),
 * and adds {@code [weights·rows, optimizer state·rows, loss sum, rows, correct]} to the sum; the
 * driver divides by the round's rows, giving the row-weighted average model and state.
 */
final class RoundTask implements Function2<OrderedSum<double[]>, EpochView, OrderedSum<double[]>> {
    private static final long serialVersionUID = 1L;

    private final String run;
    private final Broadcast<byte[]> model;
    private final Broadcast<RoundStart> start;
    private final int batch;
    private final int firstStepInEpoch;
    private final int steps;
    private final int epochRows;
    private final long seed;
    private final boolean classify;
    private final long failOnceAtStep;

    /**
     * What every partition starts a round from.
     *
     * @param weights   parameters then buffers ({@link Weights} layout)
     * @param optimizer optimizer name
     * @param config    optimizer config (learning rate included)
     * @param state     optimizer state flattened in {@code keys} order (each key's tensor back to back); empty before the first step
     * @param keys      state keys, sorted; shapes as the parameters'
     * @param stepsDone optimizer steps taken before the round (Adam's bias correction counts them)
     */
    record RoundStart(float[] weights, String optimizer, Map<String, Object> config, float[] state, List<String> keys,
            long stepsDone) implements java.io.Serializable {
    }

    RoundTask(String run, Broadcast<byte[]> model, Broadcast<RoundStart> start, int batch, int firstStepInEpoch,
            int steps, int epochRows, long seed, boolean classify, long failOnceAtStep) {
        this.run = run;
        this.model = model;
        this.start = start;
        this.batch = batch;
        this.firstStepInEpoch = firstStepInEpoch;
        this.steps = steps;
        this.epochRows = epochRows;
        this.seed = seed;
        this.classify = classify;
        this.failOnceAtStep = failOnceAtStep;
    }

    @Override
    public OrderedSum<double[]> call(OrderedSum<double[]> acc, EpochView v) {
        int roundFrom = firstStepInEpoch * batch;
        int roundTo = (int) Math.min(epochRows, (long) (firstStepInEpoch + steps) * batch);
        if (v.lowerBound(roundTo) == v.lowerBound(roundFrom)) {
            return acc.add(v.block().partition(), new double[0]);
        }
        RoundStart s = start.value();
        Faults.maybeFail(failOnceAtStep, s.stepsDone() + 1, v.block().partition());
        Workers.Worker w = Workers.borrow(run, model.value());
        try {
            Weights.load(w.model, s.weights());
            Optimizer opt = Optimizers.create(s.optimizer(), s.config());
            if (s.state().length > 0) {
                opt.loadState(StateVector.unflatten(s.state(), s.keys(), w.model), s.stepsDone());
            } else {
                opt.loadState(Map.of(), s.stepsDone());
            }
            int k = w.model.outputWidth();
            double lossSum = 0, correct = 0;
            int rows = 0;
            for (int t = 0; t < steps; t++) {
                int from = roundFrom + t * batch, to = Math.min(roundTo, from + batch);
                int lo = v.lowerBound(from), hi = v.lowerBound(to);
                if (hi == lo) {
                    continue;
                }
                Tensor x = Batches.x(v, lo, hi, w.model.inputShape());
                Tensor y = Batches.y(v, lo, hi, k);
                long step = s.stepsDone() + t + 1;
                TrainStep.Result r = w.step.gradients(x, y, new BatchContext(seed, step, Batches.rows(v, lo, hi), 0));
                if (!Double.isFinite(r.lossSum())) {
                    lossSum = Double.NaN;
                    break;
                }
                w.step.apply(opt);
                lossSum += r.lossSum();
                rows += hi - lo;
                correct += classify ? Metrics.correct(r.predictions(), y, w.loss.takesLogits()) : 0;
            }
            float[] wts = Weights.export(w.model);
            float[] st = StateVector.flatten(opt.state(), s.keys());
            double[] out = new double[wts.length + st.length + 3];
            for (int i = 0; i < wts.length; i++) {
                out[i] = (double) wts[i] * rows;
            }
            for (int i = 0; i < st.length; i++) {
                out[wts.length + i] = (double) st[i] * rows;
            }
            out[out.length - 3] = lossSum;
            out[out.length - 2] = rows;
            out[out.length - 1] = correct;
            return acc.add(v.block().partition(), out);
        } finally {
            Workers.giveBack(run, w);
        }
    }
}
