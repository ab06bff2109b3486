package org.scratchnet.activation;

import org.scratchnet.tensor.Tensor;

/** f(z) = z for z &gt; 0, αz otherwise (α = 0.01 by default, as PyTorch); f'(z) = 1 or α. */
public final class LeakyRelu implements Activation {
    private final float alpha;

    public LeakyRelu() {
        this(0.01f);
    }

    public LeakyRelu(float alpha) {
        this.alpha = alpha;
    }

    public float alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        float[] in = z.data(), out = a.data();
        for (int i = 0; i < out.length; i++) {
            float v = in[i];
            out[i] = v > 0f ? v : alpha * v;
        }
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        float[] in = z.data(), g = dA.data(), out = dZ.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = in[i] > 0f ? g[i] : alpha * g[i];
        }
    }
}
