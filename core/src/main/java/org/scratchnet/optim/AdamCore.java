package org.scratchnet.optim;

import java.util.List;
import java.util.Map;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Kernels;
import org.scratchnet.tensor.Parallel;

/**
 * What {@link Adam} and {@link AdamW} share: the moments, their bias correction and the
 * {@link Kernels#adamStep} kernel. They differ only in how weight decay enters: added to the
 * gradient (Adam, L2) or applied to the weights before the step (AdamW, decoupled).
 *
 * <p>State per parameter, shaped like it: {@code exp_avg} (m) and {@code exp_avg_sq} (v).
 */
abstract class AdamCore extends Optimizer {
    private static final List<String> SLOTS = List.of("exp_avg", "exp_avg_sq");
    final float beta1;
    final float beta2;
    final float eps;
    final float weightDecay;

    AdamCore(String name, float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super(learningRate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(name + " betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException(name + " epsilon must be > 0, got " + eps);
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** Whether weight decay shrinks the weights directly (AdamW) rather than joining the gradient (Adam). */
    abstract boolean decoupled();

    @Override
    protected final void update(List<Parameter> params, long step) {
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        // folded as in PyTorch: w -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)
        float stepSize = (float) (learningRate / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        // AdamW: w ← w·(1 − lr·λ) before the step, as torch.optim.AdamW; Adam: g ← g + λ·w in the kernel
        float shrink = decoupled() ? (float) (1 - (double) learningRate * weightDecay) : 1f;
        float l2 = decoupled() ? 0f : weightDecay;
        Kernels kern = Engine.kernels();
        for (Parameter p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[][] mv = slots(p);
            float[] m = mv[0], v = mv[1];
            // element-wise, so any split between threads gives the same bits
            Parallel.forRange(w.length, 16L * w.length, (from, to) -> {
                if (shrink != 1f) {
                    for (int i = from; i < to; i++) {
                        w[i] *= shrink;
                    }
                }
                kern.adamStep(w, g, m, v, from, to, beta1, beta2, stepSize, invSqrtBc2, eps, l2);
            });
        }
    }

    @Override
    protected final void putConfig(Map<String, Object> c) {
        c.put("beta1", json(beta1));
        c.put("beta2", json(beta2));
        c.put("eps", json(eps));
        c.put("weight_decay", json(weightDecay));
    }

    @Override
    protected final List<String> slotNames() {
        return SLOTS;
    }
}
