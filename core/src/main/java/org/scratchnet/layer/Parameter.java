package org.scratchnet.layer;

import org.scratchnet.tensor.Tensor;

/** A trainable tensor and its gradient, which has the same shape. */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    public Parameter(String name, Tensor value) {
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape());
    }

    /** Qualified name, e.g. {@code dense1.weight}. */
    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad.fillInPlace(0f);
    }
}
