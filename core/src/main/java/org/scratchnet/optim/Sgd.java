package org.scratchnet.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.layer.Parameter;

/**
 * Stochastic gradient descent, with PyTorch's momentum convention:
 * g ← g + λ·w (weight decay), v ← μ·v + g, w ← w − lr·v. With μ = 0 it is plain w ← w − lr·g.
 */
public final class Sgd extends Optimizer {
    private final float momentum;
    private final float weightDecay;
    private final Map<Parameter, float[]> velocity = new IdentityHashMap<>();

    public Sgd(float learningRate) {
        this(learningRate, 0f, 0f);
    }

    public Sgd(float learningRate, float momentum, float weightDecay) {
        super(learningRate);
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void update(List<Parameter> params) {
        for (Parameter p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            if (momentum == 0f) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= learningRate * (g[i] + weightDecay * w[i]);
                }
                continue;
            }
            float[] v = velocity.computeIfAbsent(p, k -> new float[w.length]);
            for (int i = 0; i < w.length; i++) {
                v[i] = momentum * v[i] + g[i] + weightDecay * w[i];
                w[i] -= learningRate * v[i];
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "sgd(lr=%s, momentum=%s, weight_decay=%s)", learningRate, momentum, weightDecay);
    }
}
