package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities, averaged over all elements:
 * L = -mean(y·log p + (1-y)·log(1-p)).
 *
 * <p>Each log is clamped at -100, as PyTorch's BCELoss does. Clipping p to [ε, 1-ε] is not
 * enough in float32: 1 - 1e-8 rounds to 1, so log(1-p) becomes log(0). The gradient
 * (p-y) / (p(1-p)) / n likewise has its denominator floored at 1e-12.
 */
public final class BinaryCrossEntropy implements Loss {
    static final double LOG_FLOOR = -100.0;

    @Override
    public String name() {
        return "bce";
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] p = pred.data(), y = target.data();
        int n = p.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double pi = p[i], yi = y[i];
            double logP = Math.max(Math.log(pi), LOG_FLOOR);
            double log1mP = Math.max(Math.log1p(-pi), LOG_FLOOR);
            sum -= yi * logP + (1 - yi) * log1mP;
            if (grad != null) {
                double denom = Math.max(pi * (1 - pi), 1e-12);
                grad.data()[i] = (float) ((pi - yi) / denom / n);
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
