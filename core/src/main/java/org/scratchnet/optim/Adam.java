package org.scratchnet.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.layer.Parameter;

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
        for (Parameter p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[][] mv = moments.computeIfAbsent(p, k -> new float[][] {new float[w.length], new float[w.length]});
            float[] m = mv[0], v = mv[1];
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + weightDecay * w[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * invSqrtBc2 + eps);
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "adam(lr=%s, betas=(%s, %s), eps=%s)", learningRate, beta1, beta2, eps);
    }
}
