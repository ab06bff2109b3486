package org.scratchnet.activation;

import org.scratchnet.tensor.Tensor;

/**
 * Heaviside step, the perceptron's activation: 1 for z ≥ 0, else 0. Its derivative is 0
 * everywhere it exists, so gradient descent cannot train through it; the perceptron uses its
 * own update rule instead. backward therefore returns zeros.
 */
public final class Step implements Activation {
    @Override
    public String name() {
        return "step";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        float[] in = z.data(), out = a.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = in[i] >= 0f ? 1f : 0f;
        }
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        dZ.fillInPlace(0f);
    }
}
