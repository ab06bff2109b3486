package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/** Mean squared error over all elements: L = Σ(p-y)² / (N·K); dL/dp = 2(p-y)/(N·K). */
public final class Mse implements Loss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] p = pred.data(), y = target.data();
        int n = p.length;
        double sum = 0;
        float scale = 2f / n;
        for (int i = 0; i < n; i++) {
            float d = p[i] - y[i];
            sum += (double) d * d;
            if (grad != null) {
                grad.data()[i] = scale * d;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
