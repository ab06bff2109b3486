package org.scratchnet.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Kernels;
import org.scratchnet.tensor.Parallel;

/**
 * Adam (Kingma and Ba, 2015), defaults from the paper: β1 = 0.9, β2 = 0.999, ε = 1e-8.
 * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; w ← w − lr·m̂ / (√v̂ + ε) with bias-corrected
 * m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ). Optional L2 weight decay is added to g, as PyTorch's Adam.
 */
public final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final Map<Parameter, float[][]> moments = new IdentityHashMap<>();
    private long t;

    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public Adam(float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super(learningRate);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, got " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** Number of updates made so far. */
    public long steps() {
        return t;
    }

    @Override
    protected void update(List<Parameter> params) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        // folded as in PyTorch: w -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)
        float stepSize = (float) (learningRate / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        Kernels kern = Engine.kernels();
        for (Parameter p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[][] mv = moments.computeIfAbsent(p, k -> new float[][] {new float[w.length], new float[w.length]});
            float[] m = mv[0], v = mv[1];
            // element-wise, so any split between threads gives the same bits
            Parallel.forRange(w.length, 16L * w.length, (from, to) ->
                    kern.adamStep(w, g, m, v, from, to, beta1, beta2, stepSize, invSqrtBc2, eps, weightDecay));
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "adam(lr=%s, betas=(%s, %s), eps=%s)", learningRate, beta1, beta2, eps);
    }
}
