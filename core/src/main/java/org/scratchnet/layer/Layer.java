package org.scratchnet.layer;

import java.util.List;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/**
 * One step of a network: forward computes the output from the input; backward takes
 * dL/d(output) and returns dL/d(input), adding parameter gradients into each
 * {@link Parameter#grad()} (they accumulate until zeroed, as in PyTorch).
 *
 * <p>{@code forward(x, true)} keeps what backward needs and may reuse its output buffers
 * between calls; {@code forward(x, false)} allocates fresh outputs and keeps nothing, so
 * inference may run on many threads at once.
 */
public interface Layer {
    /** Instance name, unique within a model ("dense1", "relu1"). */
    String name();

    /** Kind of layer ("dense", "relu", ...), used in summaries and model files. */
    String type();

    Tensor forward(Tensor x, boolean training);

    /**
     * Backward pass for the last training forward. Returns dL/dx, or null when
     * {@code needInputGrad} is false (the first layer of a network needs no input gradient).
     */
    Tensor backward(Tensor gradOutput, boolean needInputGrad);

    /** Trainable parameters (empty for activation layers). */
    List<Parameter> parameters();

    /** Output width given the input width (feature dimensions only, batch excluded). */
    int outputWidth(int inputWidth);

    /** (Re)initializes parameters from the shared generator. No-op for layers without any. */
    default void initialize(Rng rng) {
    }
}
