package org.scratchnet.activation;

import org.scratchnet.tensor.Tensor;

/**
 * An activation a = f(z) and its backward pass dZ = dA ⊙ f'(z).
 *
 * <p>Shapes: z, a, dA and dZ are all (N, H).
 */
public interface Activation {
    /** Lower-case name used on the command line and in model files ("relu", "sigmoid", ...). */
    String name();

    /** a = f(z). {@code a} may be the same tensor as {@code z}. */
    void forward(Tensor z, Tensor a);

    /**
     * dZ = dA ⊙ f'(z), given both z and a = f(z) so each function uses whichever is cheaper
     * (sigmoid'(z) = a(1-a), tanh'(z) = 1-a²). {@code dZ} may be the same tensor as {@code dA}.
     */
    void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ);
}
