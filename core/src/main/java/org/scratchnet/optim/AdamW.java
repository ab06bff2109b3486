package org.scratchnet.optim;

import java.util.Locale;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as PyTorch's
 * {@code torch.optim.AdamW}: w ← w·(1 − lr·λ), then the {@link Adam} step on the undecayed
 * gradient. Defaults as PyTorch's: β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 0.01.
 *
 * <p>State per parameter, shaped like it: {@code exp_avg} (m) and {@code exp_avg_sq} (v).
 */
public final class AdamW extends AdamCore {
    /** PyTorch's default decay for AdamW. */
    public static final float DEFAULT_WEIGHT_DECAY = 0.01f;

    public AdamW(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f, DEFAULT_WEIGHT_DECAY);
    }

    public AdamW(float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super("AdamW", learningRate, beta1, beta2, eps, weightDecay);
    }

    @Override
    boolean decoupled() {
        return true;
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "adamw(lr=%s, betas=(%s, %s), eps=%s, weight_decay=%s)", learningRate, beta1,
                beta2, eps, weightDecay);
    }
}
