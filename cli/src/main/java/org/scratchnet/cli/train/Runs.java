package org.scratchnet.cli.train;

import java.util.List;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Dataset;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;

/** Pieces train and sweep share: optimizers by name and post-training evaluation. */
final class Runs {
    static final List<String> OPTIMIZERS = List.of("sgd", "adam");

    private Runs() {
    }

    /** The learning rate when --lr is not given: 0.5 for sgd (the first tutorial's), 0.01 for adam. */
    static float defaultLr(String optimizer) {
        return optimizer.equals("adam") ? 0.01f : 0.5f;
    }

    static Optimizer optimizer(String name, float lr, float momentum) {
        Checks.positive("--lr", lr);
        Checks.inRange("--momentum", momentum, 0, 1);
        if (name.equals("adam")) {
            if (momentum != 0) {
                throw Checks.usage("--momentum applies to sgd; adam has its own moments");
            }
            return new Adam(lr);
        }
        return new Sgd(lr, momentum, 0f);
    }

    /** Loss and accuracy of the trained model on one split. */
    record Eval(double loss, double accuracy) {
        static final Eval NONE = new Eval(Double.NaN, Double.NaN);
    }

    /** Loss (model's loss) and accuracy (NaN for regression targets) on {@code d}; NONE for null. */
    static Eval eval(Sequential model, Loss loss, Dataset d) {
        if (d == null) {
            return Eval.NONE;
        }
        Tensor p = model.predict(d.x());
        double acc = Metrics.isClassificationTarget(d.y()) ? Metrics.accuracy(p, d.y(), loss.takesLogits())
                : Double.NaN;
        return new Eval(loss.value(p, d.y()), acc);
    }

    /** "final: loss = 0.1943, train accuracy = 0.9000, val loss = ... (300 epochs, 4.94 s)" */
    static String finalLine(Runs.Eval tr, Runs.Eval va, Runs.Eval te, int epochsRun, double seconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "final: loss = %.4f", tr.loss()));
        if (!Double.isNaN(tr.accuracy())) {
            sb.append(String.format(Locale.ROOT, ", train accuracy = %.4f", tr.accuracy()));
        }
        if (!Double.isNaN(va.loss())) {
            sb.append(String.format(Locale.ROOT, ", val loss = %.4f", va.loss()));
            if (!Double.isNaN(va.accuracy())) {
                sb.append(String.format(Locale.ROOT, ", val accuracy = %.4f", va.accuracy()));
            }
        }
        if (!Double.isNaN(te.loss())) {
            sb.append(String.format(Locale.ROOT, ", test loss = %.4f", te.loss()));
            if (!Double.isNaN(te.accuracy())) {
                sb.append(String.format(Locale.ROOT, ", test accuracy = %.4f", te.accuracy()));
            }
        }
        return sb.append(String.format(Locale.ROOT, " (%d epochs, %.2f s)", epochsRun, seconds)).toString();
    }
}
