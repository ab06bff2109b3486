package org.scratchnet.optim;

import java.util.List;
import org.scratchnet.layer.Parameter;

/**
 * Updates parameters from their gradients. Optional global gradient-norm clipping (as
 * PyTorch's {@code clip_grad_norm_}) runs before the update.
 */
public abstract class Optimizer {
    protected float learningRate;
    private float clipNorm = 0f;

    protected Optimizer(float learningRate) {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public float learningRate() {
        return learningRate;
    }

    public void setLearningRate(float lr) {
        this.learningRate = lr;
    }

    /** Rescales gradients so their global L2 norm is at most {@code maxNorm}; 0 disables. */
    public Optimizer clipGradNorm(float maxNorm) {
        if (maxNorm < 0) {
            throw new IllegalArgumentException("clip norm must be >= 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    public float clipNorm() {
        return clipNorm;
    }

    /** One update of every parameter. */
    public final void step(List<Parameter> params) {
        if (clipNorm > 0) {
            clip(params);
        }
        update(params);
    }

    protected abstract void update(List<Parameter> params);

    /** Short description for logs, e.g. {@code sgd(lr=0.5)}. */
    public abstract String describe();

    private void clip(List<Parameter> params) {
        double sq = 0;
        for (Parameter p : params) {
            for (float g : p.grad().data()) {
                sq += (double) g * g;
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > clipNorm) {
            float scale = (float) (clipNorm / (norm + 1e-6));
            for (Parameter p : params) {
                p.grad().scaleInPlace(scale);
            }
        }
    }
}
