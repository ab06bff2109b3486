package org.scratchnet.tensor;

/** A shape mismatch; the message names the operation and both shapes. */
public class ShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
