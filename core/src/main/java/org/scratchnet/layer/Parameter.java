package org.scratchnet.layer;

import org.scratchnet.tensor.Tensor;

/**
 * A trainable tensor and its gradient, which has the same shape.
 *
 * <p>Zeroing is lazy: {@link #zeroGrad} only marks the gradient as zero, and a layer whose
 * kernel can write the gradient instead of adding to it asks {@link #gradIsZero} and then
 * overwrites it ({@link #gradForOverwrite}), saving a pass over the weights every step. Anyone
 * else reading {@link #grad} gets real zeros.
 */
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

    private boolean zeroPending;

    /** The gradient; zero-filled first if it was marked zero. */
    public Tensor grad() {
        if (zeroPending) {
            grad.fillInPlace(0f);
            zeroPending = false;
        }
        return grad;
    }

    /** Marks the gradient as zero (filled on the next {@link #grad} call unless overwritten first). */
    public void zeroGrad() {
        zeroPending = true;
    }

    /** True when the gradient is logically zero: the next writer must overwrite every element, not add. */
    public boolean gradIsZero() {
        return zeroPending;
    }

    /**
     * The gradient tensor for a caller that will write every element (when {@link #gradIsZero})
     * or add to it (otherwise); afterwards it counts as written.
     */
    public Tensor gradForOverwrite() {
        zeroPending = false;
        return grad;
    }
}
