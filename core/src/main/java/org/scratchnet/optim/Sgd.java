package org.scratchnet.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Parallel;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD} (no dampening):
 * d ← g + λ·w (weight decay, L2 added to the gradient); with momentum μ > 0, b ← μ·b + d and
 * d ← b, or with Nesterov d ← d + μ·b; then w ← w − lr·d. With μ = 0 it is plain w ← w − lr·g.
 *
 * <p>State: {@code momentum_buffer} (b, shaped like the parameter) when μ > 0. A buffer value
 * below the smallest normal float is stored as 0 ({@link Ops#normalOrZero}).
 */
public final class Sgd extends Optimizer {
    private static final List<String> MOMENTUM_SLOTS = List.of("momentum_buffer");
    private final float momentum;
    private final float weightDecay;
    private final boolean nesterov;

    public Sgd(float learningRate) {
        this(learningRate, 0f, 0f, false);
    }

    public Sgd(float learningRate, float momentum, float weightDecay) {
        this(learningRate, momentum, weightDecay, false);
    }

    /** Nesterov momentum needs {@code momentum > 0}, as in PyTorch. */
    public Sgd(float learningRate, float momentum, float weightDecay, boolean nesterov) {
        super(learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (nesterov && momentum == 0f) {
            throw new IllegalArgumentException("nesterov momentum needs momentum > 0, got momentum 0");
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(List<Parameter> params, long step) {
        float lr = learningRate, mu = momentum, wd = weightDecay;
        boolean nest = nesterov;
        for (Parameter p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[] b = mu == 0f ? null : slots(p)[0];
            // element-wise, so any split between threads gives the same bits
            Parallel.forRange(w.length, 6L * w.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    // skipping the decay term when it is off keeps g exact even next to an infinite w
                    float d = wd == 0f ? g[i] : g[i] + wd * w[i];
                    if (b != null) {
                        b[i] = Ops.normalOrZero(mu * b[i] + d);
                        d = nest ? d + mu * b[i] : b[i];
                    }
                    w[i] -= lr * d;
                }
            });
        }
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    protected void putConfig(Map<String, Object> c) {
        c.put("momentum", json(momentum));
        c.put("nesterov", nesterov);
        c.put("weight_decay", json(weightDecay));
    }

    @Override
    protected List<String> slotNames() {
        return momentum == 0f ? List.of() : MOMENTUM_SLOTS;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "sgd(lr=%s, momentum=%s%s, weight_decay=%s)", learningRate, momentum,
                nesterov ? ", nesterov" : "", weightDecay);
    }
}
