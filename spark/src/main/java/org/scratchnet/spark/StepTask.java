package org.scratchnet.spark;

import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.TrainStep;

/**
 * One synchronous step on one partition (the treeAggregate's per-partition function): loads the
 * broadcast weights, takes this partition's rows of the global batch (epoch positions
 * [from, to)), and adds to the running sum the vector
 * {@code [Σ gradients (P values), buffers · rows (B values), loss sum, rows, correct]}, where the
 * gradient sum is the mean-loss gradient times the row count, so the driver divides by the
 * global batch size. A partition with no rows in this batch adds an empty vector.
 */
final class StepTask implements Function2<OrderedSum<double[]>, EpochView, OrderedSum<double[]>> {
    private static final long serialVersionUID = 1L;

    private final String run;
    private final Broadcast<byte[]> model;
    private final Broadcast<float[]> weights;
    private final int from;
    private final int to;
    private final long seed;
    private final long step;
    private final long failOnceAtStep;
    private final boolean classify;

    StepTask(String run, Broadcast<byte[]> model, Broadcast<float[]> weights, int from, int to, long seed, long step,
            long failOnceAtStep, boolean classify) {
        this.run = run;
        this.model = model;
        this.weights = weights;
        this.from = from;
        this.to = to;
        this.seed = seed;
        this.step = step;
        this.failOnceAtStep = failOnceAtStep;
        this.classify = classify;
    }

    @Override
    public OrderedSum<double[]> call(OrderedSum<double[]> acc, EpochView v) {
        Faults.maybeFail(failOnceAtStep, step, v.block().partition());
        int lo = v.lowerBound(from), hi = v.lowerBound(to);
        if (hi == lo) {
            return acc.add(v.block().partition(), new double[0]);
        }
        Workers.Worker w = Workers.borrow(run, model.value());
        try {
            Weights.load(w.model, weights.value());
            int k = w.model.outputWidth();
            Tensor x = Batches.x(v, lo, hi, w.model.inputShape());
            Tensor y = Batches.y(v, lo, hi, k);
            TrainStep.Result r = w.step.gradients(x, y, new BatchContext(seed, step, Batches.rows(v, lo, hi), 0));
            int rows = hi - lo;
            float[] g = w.step.exportGradients(rows);
            float[] b = Weights.exportBuffers(w.model);
            double[] out = new double[g.length + b.length + 3];
            for (int i = 0; i < g.length; i++) {
                out[i] = g[i];
            }
            for (int i = 0; i < b.length; i++) {
                out[g.length + i] = (double) b[i] * rows;
            }
            out[out.length - 3] = r.lossSum();
            out[out.length - 2] = rows;
            out[out.length - 1] = classify ? Metrics.correct(r.predictions(), y,
                    w.loss.takesLogits()) : 0;
            return acc.add(v.block().partition(), out);
        } finally {
            Workers.giveBack(run, w);
        }
    }
}
