package org.scratchnet.activation;

import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;

/** σ(z) = 1/(1+e^-z), computed without overflow for any z; σ'(z) = σ(1-σ). */
public final class Sigmoid implements Activation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        Ops.sigmoid(z, a);
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        float[] ad = a.data(), g = dA.data(), out = dZ.data();
        for (int i = 0; i < out.length; i++) {
            float s = ad[i];
            out[i] = g[i] * s * (1f - s);
        }
    }
}
