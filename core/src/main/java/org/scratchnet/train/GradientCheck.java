package org.scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * Compares backprop's gradients with central differences, for every parameter and for the
 * input: numeric = (L(v+ε) − L(v−ε)) / 2ε, with the loss accumulated in double.
 * Relative error = |a − n| / max(|a| + |n|, floor), taken as 0 when |a − n| is below the
 * float32 rounding noise of the estimate (about 4e-7·max(1, |L|)/ε), since the forward pass
 * runs in float32.
 *
 * <p>Every loss, analytic and numeric, comes from the training forward pass with one fixed
 * {@link BatchContext}, so random masks (dropout) are the same in every pass and layers that
 * behave differently in training (batch statistics) are checked as they train.
 *
 * <p>Near a kink (ReLU at 0, Huber at δ) central differences are meaningless; an index whose
 * estimates at ε and ε/2 disagree is counted as skipped rather than failed.
 */
public final class GradientCheck {
    private double eps = 1e-2;
    private double maxRelError = 1e-2;
    private double floor = 2e-3;

    public GradientCheck epsilon(double eps) {
        this.eps = eps;
        return this;
    }

    public GradientCheck maxRelError(double maxRelError) {
        this.maxRelError = maxRelError;
        return this;
    }

    public GradientCheck floor(double floor) {
        this.floor = floor;
        return this;
    }

    /**
     * Result for one tensor: how many values were checked and the worst one.
     * {@code maxRelError} is the largest relative error |a-n| / max(|a|+|n|, floor) that counts:
     * differences within the float32 noise of the numeric estimate count as 0, because they are no
     * evidence of a wrong derivative. {@code rawMaxRelError} is the largest relative error as
     * measured, noise included (what the gradcheck command prints).
     */
    public record Entry(String name, int checked, int skipped, double maxRelError, int worstIndex,
                        double analytic, double numeric, double rawMaxRelError) {
    }

    /** All entries plus the verdict. */
    public record Report(List<Entry> entries, double tolerance) {
        public int checked() {
            return entries.stream().mapToInt(Entry::checked).sum();
        }

        public boolean passed() {
            return checked() > 0 && entries.stream().allMatch(e -> e.maxRelError() <= tolerance);
        }

        /** Throws with the failing tensor, index and both values when the check did not pass. */
        public void assertPassed() {
            if (checked() == 0) {
                throw new AssertionError("gradient check examined no values");
            }
            for (Entry e : entries) {
                if (e.maxRelError() > tolerance) {
                    throw new AssertionError(String.format(Locale.ROOT,
                            "gradient check failed for %s[%d]: backprop %.6g vs numeric %.6g (relative error %.3g > %.3g)",
                            e.name(), e.worstIndex(), e.analytic(), e.numeric(), e.maxRelError(), tolerance));
                }
            }
        }

        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-20s %8s %8s %14s %14s%n", "tensor", "checked", "skipped",
                    "max rel error", "beyond noise"));
            for (Entry e : entries) {
                sb.append(String.format(Locale.ROOT, "%-20s %8d %8d %14.3e %14.3e%n", e.name(), e.checked(), e.skipped(),
                        e.rawMaxRelError(), e.maxRelError()));
            }
            sb.append(passed() ? "PASSED" : "FAILED").append(String.format(Locale.ROOT, " (tolerance %.1e)%n", tolerance));
            return sb.toString();
        }
    }

    /** Checks every parameter of {@code model} and the input gradient for x (N,D), y (N,K). */
    public Report check(Sequential model, Loss loss, Tensor x, Tensor y) {
        Tensor xc = x.copy();
        model.zeroGrad();
        Tensor pred = model.forward(xc, MASKS);
        Tensor grad = Tensor.zeros(pred.shape());
        loss.compute(pred, y, grad);
        Tensor gradInput = model.backward(grad, true).copy();

        List<Entry> entries = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            entries.add(checkTensor(p.name(), p.value(), p.grad().copy(), model, loss, xc, y));
        }
        entries.add(checkTensor("input", xc, gradInput, model, loss, xc, y));
        return new Report(entries, maxRelError);
    }

    private Entry checkTensor(String name, Tensor value, Tensor analytic, Sequential model, Loss loss,
                              Tensor x, Tensor y) {
        float[] v = value.data();
        // float32 rounding noise of a central difference: a few ulps of the loss over the step
        double noise = 4e-7 * Math.max(1.0, Math.abs(lossAt(model, loss, x, y))) / eps;
        int checked = 0, skipped = 0, worst = -1;
        double worstRel = 0, worstA = 0, worstN = 0, rawWorst = 0;
        for (int i = 0; i < v.length; i++) {
            double n1 = numeric(v, i, eps, model, loss, x, y);
            double n2 = numeric(v, i, eps / 2, model, loss, x, y);
            if (Math.abs(n1 - n2) > 0.01 * Math.max(Math.abs(n1), Math.abs(n2)) + noise) {
                skipped++;
                continue;
            }
            double a = analytic.data()[i];
            // n1 (the larger step) has less float32 rounding noise; its O(ε²) truncation error is far smaller
            double diff = Math.abs(a - n1);
            // a difference within the float32 noise of the estimate itself is not evidence of a bug
            double raw = diff / Math.max(Math.abs(a) + Math.abs(n1), floor);
            double rel = diff <= noise ? 0 : raw;
            rawWorst = Math.max(rawWorst, raw);
            checked++;
            if (worst < 0 || rel > worstRel) {
                worstRel = rel;
                worst = i;
                worstA = a;
                worstN = n1;
            }
        }
        return new Entry(name, checked, skipped, worstRel, worst, worstA, worstN, rawWorst);
    }

    /** The batch every pass of a check uses: one seed and step, rows in order. */
    private static final BatchContext MASKS = BatchContext.ordered(12345, 1);

    private static double lossAt(Sequential model, Loss loss, Tensor x, Tensor y) {
        return loss.value(model.forward(x, MASKS), y);
    }

    private static double numeric(float[] v, int i, double h, Sequential model, Loss loss, Tensor x, Tensor y) {
        float orig = v[i];
        v[i] = (float) (orig + h);
        double plusStep = v[i] - (double) orig;
        double lp = lossAt(model, loss, x, y);
        v[i] = (float) (orig - h);
        double minusStep = (double) orig - v[i];
        double lm = lossAt(model, loss, x, y);
        v[i] = orig;
        // divide by the steps actually taken after float rounding, not the nominal 2h
        return (lp - lm) / (plusStep + minusStep);
    }
}
