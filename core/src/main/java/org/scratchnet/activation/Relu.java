package org.scratchnet.activation;

import org.scratchnet.tensor.Tensor;

/** relu(z) = max(0, z); relu'(z) = 1 for z &gt; 0, else 0 (0 at z = 0, as PyTorch). */
public final class Relu implements Activation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        float[] in = z.data(), out = a.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0f, in[i]);
        }
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        float[] in = z.data(), g = dA.data(), out = dZ.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = in[i] > 0f ? g[i] : 0f;
        }
    }
}
