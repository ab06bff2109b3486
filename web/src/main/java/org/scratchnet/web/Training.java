package org.scratchnet.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.data.Dataset;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.Features;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;

/**
 * One playground run: data, network and optimizer for a {@link Settings}, advanced one batch at a
 * time. Batches are drawn exactly as core's Trainer draws them (a "shuffle" generator from the
 * seed, reshuffled at each epoch start unless the batch is the whole set), and the network is
 * built as {@code scratchnet train} builds it, so both give the same loss numbers for one seed.
 *
 * <p>Shapes: points and the network input (N, 2); the first layer makes the features (N, F);
 * targets and output (N, 1).
 * Not thread-safe: the owning session serializes calls.
 */
final class Training {
    final Settings settings;
    final Dataset trainRaw;
    final Dataset testRaw;
    final Sequential model;
    final Loss loss;
    final Optimizer optimizer;
    /** Half-width of the square shown: the data's largest |coordinate| plus a margin. */
    final float range;
    private final List<Parameter> params;
    private final int[] order;
    private final Rng shuffleRng;
    private final int batch;
    private int batchInEpoch;
    private int epoch;
    private long step;
    private Tensor grad;

    Training(Settings s, Dataset[] split) {
        this.settings = s;
        this.trainRaw = split[0];
        this.testRaw = split[1];
        this.model = network(s);
        this.loss = Losses.byName(s.regression() ? "mse" : "bce");
        this.optimizer = s.optimizer().equals("adam") ? new Adam(s.learningRate()) : new Sgd(s.learningRate());
        this.params = model.parameters();
        int n = trainRaw.size();
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.shuffleRng = Rng.forPurpose(s.seed(), "shuffle");
        this.batch = Math.min(s.batchSize(), n);
        this.range = range(trainRaw.x(), testRaw.x());
    }

    /**
     * features (2 → F) → hidden (each with the activation) → 1, sigmoid for classification; past
     * the features, as train builds it. The features layer has no weights, so the same seed
     * gives train's weights.
     */
    static Sequential network(Settings s) {
        Sequential.Builder b = Sequential.builder(2).add(Features.TYPE, Map.of("terms", s.features()));
        for (int h : s.hidden()) {
            b.dense(h).activation(s.activation());
        }
        b.dense(1);
        if (!s.regression()) {
            b.activation("sigmoid");
        }
        return b.build(s.seed());
    }

    int epoch() {
        return epoch;
    }

    long steps() {
        return step;
    }

    /** Starts a new epoch's order when due; returns the next batch's row indices. */
    private int[] prepareBatch() {
        if (batchInEpoch == 0 && batch < order.length) {
            shuffleRng.shuffle(order);
        }
        int from = batchInEpoch * batch;
        return java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
    }

    /** One update on the next batch: zero grads → forward → loss → backward → penalty → step. */
    double step() {
        return step(null);
    }

    /**
     * As {@link #step()}; with a trace, the layers run one by one (the same calls Sequential
     * makes) and the trace sees every input, output and gradient on the way.
     */
    double step(StepTrace trace) {
        int[] rows = prepareBatch();
        Tensor xb = trainRaw.x().gatherRows(rows, 0, rows.length);
        Tensor yb = trainRaw.y().gatherRows(rows, 0, rows.length);
        model.zeroGrad();
        Tensor pred;
        if (trace == null) {
            pred = model.forward(xb);
        } else {
            trace.batch(rows, xb, yb);
            pred = xb;
            for (var layer : model.layers()) {
                Tensor in = pred;
                pred = layer.forward(in, true);
                trace.forward(layer, in, pred.copy());
            }
        }
        if (grad == null || !grad.sameShape(pred)) {
            grad = Tensor.zeros(pred.shape());
        }
        double l = loss.compute(pred, yb, grad);
        step++;
        if (!Double.isFinite(l)) {
            throw diverged("loss became " + (Double.isNaN(l) ? "NaN" : "infinite"));
        }
        if (trace == null) {
            model.backward(grad, false);
        } else {
            trace.loss(loss, pred, yb, l, grad.copy());
            Tensor g = grad;
            var layers = model.layers();
            for (int i = layers.size() - 1; i >= 0; i--) {
                Tensor gIn = layers.get(i).backward(g, true);
                trace.backward(layers.get(i), g, gIn);
                g = gIn;
            }
        }
        penalize();
        if (trace != null) {
            trace.update(optimizer, params);
        }
        optimizer.step(params);
        if (trace != null) {
            trace.after(params);
        }
        batchInEpoch++;
        if (batchInEpoch * batch >= order.length) {
            batchInEpoch = 0;
            epoch++;
            for (Parameter p : params) {
                if (!p.value().allFinite()) {
                    throw diverged("weight '" + p.name() + "' became NaN or infinite");
                }
            }
        }
        return l;
    }

    /** Runs whole epochs (tests and the command-line comparison). */
    void runEpochs(int epochs) {
        int target = epoch + epochs;
        while (epoch < target) {
            step();
        }
    }

    /** L1 adds λ·sign(w), L2 adds λ·w to each weight's gradient (biases are not penalized). */
    private void penalize() {
        String reg = settings.regularization();
        float rate = settings.regRate();
        if (reg.equals("none") || rate == 0) {
            return;
        }
        for (Parameter p : params) {
            if (!p.name().endsWith(".weight")) {
                continue;
            }
            float[] w = p.value().data();
            float[] g = p.grad().data();
            for (int i = 0; i < w.length; i++) {
                g[i] += reg.equals("l2") ? rate * w[i] : rate * Math.signum(w[i]);
            }
        }
    }

    double trainLoss() {
        return loss.value(model.predict(trainRaw.x()), trainRaw.y());
    }

    double testLoss() {
        return loss.value(model.predict(testRaw.x()), testRaw.y());
    }

    /** The network's output for points p (M, 2) → (M, 1). */
    Tensor predictRaw(Tensor p) {
        return model.predict(p);
    }

    private DivergedException diverged(String what) {
        return new DivergedException(String.format(Locale.ROOT,
                "%s at epoch %d (step %d): lower the learning rate (now %s), pick fewer or smaller features "
                        + "(x1², x1·x2 grow fast), or press Reset", what, epoch + 1, step, settings.learningRate()));
    }

    private static float range(Tensor a, Tensor b) {
        float m = 0;
        for (float v : a.data()) {
            m = Math.max(m, Math.abs(v));
        }
        for (float v : b.data()) {
            m = Math.max(m, Math.abs(v));
        }
        float r = (float) Math.ceil(m * 1.1 * 10) / 10f;
        return Float.isFinite(r) && r > 0 ? r : 1f;
    }

    /** Training blew up; the message says where and what to change. */
    static final class DivergedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DivergedException(String message) {
            super(message, null, false, false);
        }
    }
}
