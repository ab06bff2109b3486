package org.scratchnet.activation;

import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;

/** relu(z) = max(0, z); relu'(z) = 1 for z &gt; 0, else 0 (0 at z = 0, as PyTorch). */
public final class Relu implements Activation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        Ops.relu(z, a);
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        Ops.reluBackward(z, dA, dZ);
    }
}
