package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Sum of squared errors: L = Σ(p-y)², dL/dp = 2(p-y). Not divided by N: this is the loss of the
 * 3-4-1 "Loy" tutorial, whose updates add 2(y-p)·σ' straight to the weights.
 */
public final class Sse implements Loss {
    @Override
    public String name() {
        return "sse";
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] p = pred.data(), y = target.data();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            float d = p[i] - y[i];
            sum += (double) d * d;
            if (grad != null) {
                grad.data()[i] = 2f * d;
            }
        }
        return sum;
    }
}
