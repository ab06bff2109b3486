package org.scratchnet.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.scratchnet.loss.Loss;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;

/**
 * Loss and accuracy of the current weights on cached blocks, computed where the blocks are:
 * each partition predicts its rows in chunks and returns [loss sum, correct, rows].
 */
final class Evaluator {
    private static final int CHUNK = 2048;

    private final JavaSparkContext sc;
    private final String id;
    private final Broadcast<byte[]> modelBytes;
    private final boolean classify;

    Evaluator(JavaSparkContext sc, String id, Broadcast<byte[]> modelBytes, boolean classify) {
        this.sc = sc;
        this.id = id;
        this.modelBytes = modelBytes;
        this.classify = classify;
    }

    /** {mean loss, accuracy (NaN for regression)} over every row of {@code blocks}. */
    double[] evaluate(JavaRDD<Block> blocks, float[] weights, String lossName) {
        Broadcast<float[]> w = sc.broadcast(weights);
        String run = id;
        Broadcast<byte[]> bytes = modelBytes;
        boolean cls = classify;
        int p = blocks.getNumPartitions();
        OrderedSum<double[]> total = blocks.treeAggregate(OrderedSum.ofVectors(p), (acc, b) -> {
            if (b.rows() == 0) {
                return acc.add(b.partition(), new double[0]);
            }
            Workers.Worker wk = Workers.borrow(run, bytes.value());
            try {
                Weights.load(wk.model, w.value());
                Loss loss = wk.loss;
                int d = b.x().length / b.rows(), k = b.y().length / b.rows();
                double lossSum = 0, correct = 0;
                for (int from = 0; from < b.rows(); from += CHUNK) {
                    int to = Math.min(b.rows(), from + CHUNK);
                    int[] shape = wk.model.inputShape();
                    int[] full = new int[shape.length + 1];
                    full[0] = to - from;
                    System.arraycopy(shape, 0, full, 1, shape.length);
                    Tensor x = Tensor.of(java.util.Arrays.copyOfRange(b.x(), from * d, to * d), full);
                    Tensor y = Tensor.of(java.util.Arrays.copyOfRange(b.y(), from * k, to * k), to - from, k);
                    Tensor pred = wk.model.predict(x);
                    lossSum += loss.value(pred, y) * (to - from);
                    correct += cls ? Metrics.correct(pred, y, loss.takesLogits()) : 0;
                }
                return acc.add(b.partition(), new double[] {lossSum, correct, b.rows()});
            } finally {
                Workers.giveBack(run, wk);
            }
        }, OrderedSum::merge);
        w.destroy();
        double[] s = total.total();
        return new double[] {s[0] / s[2], classify ? s[1] / s[2] : Double.NaN};
    }
}
