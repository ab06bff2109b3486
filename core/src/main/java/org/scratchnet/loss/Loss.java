package org.scratchnet.loss;

import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * A loss L(pred, target) and its gradient dL/dpred.
 *
 * <p>Shapes: pred, target and grad are all (N, K); for classification the target is one-hot
 * (or a single 0/1 column for binary tasks).
 */
public interface Loss {
    /** Lower-case name used on the command line and in model files ("bce", "mse", ...). */
    String name();

    /**
     * Returns the loss and, when {@code grad} is not null, writes dL/dpred into it.
     */
    double compute(Tensor pred, Tensor target, Tensor grad);

    /** The loss value only. */
    default double value(Tensor pred, Tensor target) {
        return compute(pred, target, null);
    }

    /**
     * True when this loss expects raw scores (logits) and applies sigmoid/softmax itself; the
     * model's last layer then has no activation, and a binary decision threshold is 0, not 0.5.
     */
    default boolean takesLogits() {
        return false;
    }

    /** Checks pred, target (and grad) have one shape; the message names the loss and shapes. */
    static void checkShapes(Loss loss, Tensor pred, Tensor target, Tensor grad) {
        if (!pred.sameShape(target)) {
            throw new ShapeException(loss.name() + " loss: prediction " + pred.shapeString()
                    + " and target " + target.shapeString() + " must have the same shape");
        }
        if (grad != null && !pred.sameShape(grad)) {
            throw new ShapeException(loss.name() + " loss: gradient buffer " + grad.shapeString()
                    + " must match prediction " + pred.shapeString());
        }
    }
}
