package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Huber loss, averaged over all elements (PyTorch's HuberLoss): for d = p - y,
 * ½d² when |d| ≤ δ, else δ(|d| - ½δ). Gradient: d, or δ·sign(d), divided by n. δ = 1 by default.
 */
public final class Huber implements Loss {
    private final float delta;

    public Huber() {
        this(1f);
    }

    public Huber(float delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber: delta must be > 0, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        float[] p = pred.data(), y = target.data();
        int n = p.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float d = p[i] - y[i];
            float ad = Math.abs(d);
            if (ad <= delta) {
                sum += 0.5 * d * d;
            } else {
                sum += delta * (ad - 0.5 * delta);
            }
            if (grad != null) {
                float g = ad <= delta ? d : Math.copySign(delta, d);
                grad.data()[i] = g / n;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
