package org.scratchnet.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Parallel;

/**
 * RMSprop (Tieleman and Hinton, 2012) as PyTorch's {@code torch.optim.RMSprop}:
 * g ← g + λ·w (weight decay); s ← α·s + (1−α)·g²; a ← √s + ε (centered: ḡ ← α·ḡ + (1−α)·g
 * and a ← √(s − ḡ²) + ε); then with momentum μ > 0, b ← μ·b + g/a and w ← w − lr·b, else
 * w ← w − lr·g/a. Defaults as PyTorch's: α = 0.99, ε = 1e-8, μ = 0, not centered.
 *
 * <p>State per parameter, shaped like it: {@code square_avg} (s), then {@code momentum_buffer}
 * (b) when μ > 0 and {@code grad_avg} (ḡ) when centered. A state value below the smallest normal
 * float is stored as 0 ({@link Ops#normalOrZero}).
 */
public final class RmsProp extends Optimizer {
    private final float alpha;
    private final float eps;
    private final float momentum;
    private final float weightDecay;
    private final boolean centered;
    private final List<String> slotNames;

    public RmsProp(float learningRate) {
        this(learningRate, 0.99f, 1e-8f, 0f, 0f, false);
    }

    public RmsProp(float learningRate, float alpha, float eps, float momentum, float weightDecay, boolean centered) {
        super(learningRate);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("RMSprop alpha must be in [0, 1), got " + alpha);
        }
        if (!(eps > 0) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException("RMSprop epsilon must be > 0, got " + eps);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.alpha = alpha;
        this.eps = eps;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.centered = centered;
        List<String> slots = new ArrayList<>(List.of("square_avg"));
        if (momentum > 0) {
            slots.add("momentum_buffer");
        }
        if (centered) {
            slots.add("grad_avg");
        }
        this.slotNames = List.copyOf(slots);
    }

    @Override
    protected void update(List<Parameter> params, long step) {
        float lr = learningRate, a = alpha, c = 1 - alpha, ep = eps, mu = momentum, wd = weightDecay;
        for (Parameter p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[][] st = slots(p);
            float[] s = st[0];
            float[] b = mu > 0 ? st[1] : null;
            float[] gAvg = centered ? st[st.length - 1] : null;
            // element-wise, so any split between threads gives the same bits
            Parallel.forRange(w.length, 10L * w.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    float gi = wd == 0f ? g[i] : g[i] + wd * w[i];
                    s[i] = Ops.normalOrZero(a * s[i] + c * gi * gi);
                    float denom;
                    if (gAvg != null) {
                        gAvg[i] = Ops.normalOrZero(a * gAvg[i] + c * gi);
                        denom = (float) Math.sqrt(s[i] - gAvg[i] * gAvg[i]) + ep;
                    } else {
                        denom = (float) Math.sqrt(s[i]) + ep;
                    }
                    if (b != null) {
                        b[i] = Ops.normalOrZero(mu * b[i] + gi / denom);
                        w[i] -= lr * b[i];
                    } else {
                        w[i] -= lr * (gi / denom);
                    }
                }
            });
        }
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    protected void putConfig(Map<String, Object> c) {
        c.put("alpha", json(alpha));
        c.put("eps", json(eps));
        c.put("momentum", json(momentum));
        c.put("centered", centered);
        c.put("weight_decay", json(weightDecay));
    }

    @Override
    protected List<String> slotNames() {
        return slotNames;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "rmsprop(lr=%s, alpha=%s, eps=%s, momentum=%s%s, weight_decay=%s)",
                learningRate, alpha, eps, momentum, centered ? ", centered" : "", weightDecay);
    }
}
