package org.scratchnet.optim;

import java.util.Locale;

/**
 * Adam (Kingma and Ba, 2015), defaults from the paper: β1 = 0.9, β2 = 0.999, ε = 1e-8.
 * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; w ← w − lr·m̂ / (√v̂ + ε) with bias-corrected
 * m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ). Optional L2 weight decay λ is added to g (g ← g + λ·w), as
 * PyTorch's {@code torch.optim.Adam}; for decay that does not pass through the moments use
 * {@link AdamW}.
 *
 * <p>State per parameter, shaped like it: {@code exp_avg} (m) and {@code exp_avg_sq} (v).
 */
public final class Adam extends AdamCore {
    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public Adam(float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super("Adam", learningRate, beta1, beta2, eps, weightDecay);
    }

    @Override
    boolean decoupled() {
        return false;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "adam(lr=%s, betas=(%s, %s), eps=%s%s)", learningRate, beta1, beta2, eps,
                weightDecay == 0f ? "" : ", weight_decay=" + weightDecay);
    }
}
