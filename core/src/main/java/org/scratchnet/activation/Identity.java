package org.scratchnet.activation;

import org.scratchnet.tensor.Tensor;

/** f(z) = z, f'(z) = 1: the output of a regression network or of a logits layer. */
public final class Identity implements Activation {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        if (a != z) {
            a.copyFromInPlace(z);
        }
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        if (dZ != dA) {
            dZ.copyFromInPlace(dA);
        }
    }
}
