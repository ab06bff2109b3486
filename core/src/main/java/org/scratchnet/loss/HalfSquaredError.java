package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Half squared error, averaged over the batch rows: L = (1/N) Σ_rows ½‖p-y‖²;
 * dL/dp = (p-y)/N. With one sample per step (the XOR-tanh tutorial) it is exactly ½(p-y)².
 */
public final class HalfSquaredError implements Loss {
    @Override
    public String name() {
        return "half_se";
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] p = pred.data(), y = target.data();
        int rows = Math.max(1, pred.rows());
        float inv = 1f / rows;
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            float d = p[i] - y[i];
            sum += 0.5 * d * d;
            if (grad != null) {
                grad.data()[i] = d * inv;
            }
        }
        return sum / rows;
    }
}
