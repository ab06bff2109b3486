package org.scratchnet.cli.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.TargetScale;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.LrSchedule;
import org.scratchnet.optim.LrSchedules;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.tensor.Format;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.LogEvery;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.TrainingDivergedException;

/** Pieces train and sweep share: optimizers by name and post-training evaluation. */
final class Runs {
    static final List<String> OPTIMIZERS = Optimizers.NAMES;

    private Runs() {
    }

    /** The learning rate when --lr is not given: 0.5 for sgd (the first tutorial's), 0.01 for the adaptive ones. */
    static float defaultLr(String optimizer) {
        return Optimizers.defaultLearningRate(optimizer);
    }

    static Optimizer optimizer(String name, float lr, float momentum) {
        return optimizer(name, lr, momentum, 0f, 0f);
    }

    /**
     * The optimizer {@code name} (Optimizers.NAMES) with L2 weight decay (PyTorch's weight_decay;
     * AdamW's decoupled decay) and gradient-norm clipping; 0 turns either off.
     */
    static Optimizer optimizer(String name, float lr, float momentum, float weightDecay, float clipNorm) {
        Checks.positive("--lr", lr);
        Checks.inRange("--momentum", momentum, 0, 1);
        Checks.nonNegative("--weight-decay", weightDecay);
        Checks.nonNegative("--clip-norm", clipNorm);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("lr", lr);
        if (momentum != 0) {
            if (!Optimizers.keys(name).contains("momentum")) {
                throw Checks.usage("--momentum applies to sgd and rmsprop; " + name + " has its own moments");
            }
            config.put("momentum", momentum);
        }
        config.put("weight_decay", weightDecay);
        config.put("clip_norm", clipNorm);
        try {
            return Optimizers.create(name, config);
        } catch (IllegalArgumentException e) {
            throw Checks.usage("--optimizer " + name + ": " + e.getMessage());
        }
    }

    /** --lr-schedule parsed; a bad spec is a usage error naming the option and the forms. */
    static LrSchedule schedule(String spec) {
        try {
            return LrSchedules.parse(spec);
        } catch (IllegalArgumentException e) {
            throw Checks.usage("--lr-schedule: " + e.getMessage());
        }
    }

    /**
     * What a training loss in standardized target units is multiplied by to be in the target's
     * unit: std² for the squared-error losses, 1 when there is no scaling, NaN when the loss does
     * not scale that simply (Huber).
     */
    static double lossFactor(Loss loss, TargetScale target) {
        if (target == null) {
            return 1;
        }
        String n = loss.name();
        return n.equals("mse") || n.equals("sse") || n.equals("half_se") ? (double) target.std() * target.std()
                : Double.NaN;
    }

    /** The epoch line: {@code epoch 100, loss = 0.1794, acc = 0.970}, losses in the target's unit when scaled. */
    static LogEvery.LineFormat lineFormat(Loss loss, TargetScale target) {
        double f = lossFactor(loss, target);
        if (f == 1) {
            return LogEvery.DEFAULT;
        }
        double factor = Double.isNaN(f) ? 1 : f;
        String unit = Double.isNaN(f) ? " (standardized target)" : "";
        return s -> LogEvery.DEFAULT.format(new EpochStats(s.epoch(), s.steps(), s.loss() * factor, s.accuracy(),
                s.valLoss() * factor, s.valAccuracy(), s.seconds())) + unit;
    }

    /**
     * The divergence message with advice the command line can follow: "loss became NaN at epoch 4
     * (step 4): lower --lr (now 0.5), add --clip-norm 1, ...".
     */
    static String divergenceAdvice(TrainingDivergedException e, float lr, float clipNorm, boolean standardized) {
        String msg = e.getMessage();
        int cut = msg.indexOf(": lower the learning rate");
        String what = cut < 0 ? msg : msg.substring(0, cut);
        return what + ": lower --lr (now " + lr + ")" + (clipNorm > 0 ? "" : ", add --clip-norm 1")
                + (standardized ? "" : ", standardize the features (--standardize)")
                + ", or check the data for NaN/Inf or very large values";
    }

    /** Loss and accuracy (classification) or MAE and R² (regression) of the trained model on one split. */
    record Eval(double loss, double accuracy, double mae, double r2) {
        static final Eval NONE = new Eval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** As {@link #eval(Sequential, Loss, Dataset, TargetScale, boolean)} for classification or unscaled targets. */
    static Eval eval(Sequential model, Loss loss, Dataset d) {
        return eval(model, loss, d, null, false);
    }

    /**
     * Loss (the model's), accuracy (classification) or MAE and R² (regression) on {@code d};
     * NONE for null. With {@code target}, outputs and targets are mapped back to the target's
     * unit first, so every figure is in that unit.
     */
    static Eval eval(Sequential model, Loss loss, Dataset d, TargetScale target, boolean regression) {
        if (d == null) {
            return Eval.NONE;
        }
        Tensor p = inChunks(d.x(), model::predict);
        Tensor y = d.y();
        if (target != null) {
            p = target.unscale(p);
            y = target.unscale(y);
        }
        if (regression) {
            double[] r = EvaluateCommand.regression(p, y);
            return new Eval(loss.value(p, y), Double.NaN, r[1], r[2]);
        }
        double acc = Metrics.isClassificationTarget(y) ? Metrics.accuracy(p, y, loss.takesLogits()) : Double.NaN;
        return new Eval(loss.value(p, y), acc, Double.NaN, Double.NaN);
    }

    /** Rows per inference pass over a large table: activations stay a few MB instead of hundreds. */
    static final int PREDICT_ROWS = 32768;

    /**
     * f applied to x (N, ...) in chunks of {@link #PREDICT_ROWS} rows, outputs stacked (N, K):
     * rows are independent, so only the memory differs from one pass.
     */
    static Tensor inChunks(Tensor x, java.util.function.UnaryOperator<Tensor> f) {
        int n = x.rows();
        if (n <= PREDICT_ROWS) {
            return f.apply(x);
        }
        float[] out = null;
        int k = 0;
        for (int from = 0; from < n; from += PREDICT_ROWS) {
            int to = Math.min(n, from + PREDICT_ROWS);
            Tensor p = f.apply(x.sliceRows(from, to));
            if (out == null) {
                k = p.cols();
                out = new float[Math.multiplyExact(n, k)];
            }
            System.arraycopy(p.data(), 0, out, from * k, (to - from) * k);
        }
        return Tensor.of(out, n, k);
    }

    private static void appendRegression(StringBuilder sb, String split, Eval e) {
        if (!Double.isNaN(e.mae())) {
            sb.append(String.format(Locale.ROOT, ", %s mae = %s, %s r2 = %.4f", split, Format.figure(e.mae()), split, e.r2()));
        }
    }

    /** "final: loss = 0.1943, train accuracy = 0.9000, val loss = ... (300 epochs, 4.94 s)" */
    static String finalLine(Runs.Eval tr, Runs.Eval va, Runs.Eval te, int epochsRun, double seconds) {
        StringBuilder sb = new StringBuilder("final: loss = " + Format.figure(tr.loss()));
        if (!Double.isNaN(tr.accuracy())) {
            sb.append(String.format(Locale.ROOT, ", train accuracy = %.4f", tr.accuracy()));
        }
        appendRegression(sb, "train", tr);
        if (!Double.isNaN(va.loss())) {
            sb.append(", val loss = ").append(Format.figure(va.loss()));
            if (!Double.isNaN(va.accuracy())) {
                sb.append(String.format(Locale.ROOT, ", val accuracy = %.4f", va.accuracy()));
            }
            appendRegression(sb, "val", va);
        }
        if (!Double.isNaN(te.loss())) {
            sb.append(", test loss = ").append(Format.figure(te.loss()));
            if (!Double.isNaN(te.accuracy())) {
                sb.append(String.format(Locale.ROOT, ", test accuracy = %.4f", te.accuracy()));
            }
            appendRegression(sb, "test", te);
        }
        return sb.append(String.format(Locale.ROOT, " (%d epochs, %.2f s)", epochsRun, seconds)).toString();
    }
}
