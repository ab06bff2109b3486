package org.scratchnet.activation;

import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;

/** tanh(z); tanh'(z) = 1 - tanh²(z), computed from the stored output a (not tanh applied twice). */
public final class Tanh implements Activation {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        Ops.tanh(z, a);
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        float[] ad = a.data(), g = dA.data(), out = dZ.data();
        for (int i = 0; i < out.length; i++) {
            float h = ad[i];
            out[i] = g[i] * (1f - h * h);
        }
    }
}
