package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Binary cross-entropy on logits z, fused with the sigmoid and stable for any z:
 * L = mean(max(z,0) - z·y + log(1 + e^-|z|)); dL/dz = (σ(z) - y) / n.
 */
public final class BceWithLogits implements Loss {
    @Override
    public String name() {
        return "bce_logits";
    }

    @Override
    public boolean takesLogits() {
        return true;
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] z = pred.data(), y = target.data();
        int n = z.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double zi = z[i], yi = y[i];
            double e = Math.exp(-Math.abs(zi));
            sum += Math.max(zi, 0) - zi * yi + Math.log1p(e);
            if (grad != null) {
                double s = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
                grad.data()[i] = (float) ((s - yi) / n);
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
