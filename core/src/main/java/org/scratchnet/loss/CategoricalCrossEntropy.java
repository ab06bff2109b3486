package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Categorical cross-entropy on probabilities (after a softmax layer), averaged over rows:
 * L = -(1/N) Σ y·log p, with log p clamped at -100; dL/dp = -y / max(p, 1e-12) / N.
 * Prefer {@link SoftmaxCrossEntropy} on logits: it is fused and cheaper.
 */
public final class CategoricalCrossEntropy implements Loss {
    @Override
    public String name() {
        return "cce";
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] p = pred.data(), y = target.data();
        int rows = Math.max(1, pred.rows());
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i], yi = y[i];
            if (yi != 0) {
                sum -= yi * Math.max(Math.log(pi), BinaryCrossEntropy.LOG_FLOOR);
            }
            if (grad != null) {
                grad.data()[i] = (float) (-yi / Math.max(pi, 1e-12) / rows);
            }
        }
        return sum / rows;
    }
}
