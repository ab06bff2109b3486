package org.scratchnet.layer;

import java.util.List;
import java.util.Map;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/**
 * One step of a network: forward computes the output from the input; backward takes
 * dL/d(output) and returns dL/d(input), adding parameter gradients into each
 * {@link Parameter#grad()} (they accumulate until zeroed, as in PyTorch).
 *
 * <p>Shapes are batch-first: a batch is {@code [N, ...sample]}, e.g. {@code [N, D]} for a table
 * and {@code [N, C, H, W]} for images. {@link #outputShape} works on the <em>sample</em> shape
 * (batch dimension excluded), so a model checks every layer when it is built, before any data.
 *
 * <p>{@code forward(x, true)} keeps what backward needs and may reuse its output buffers
 * between calls; {@code forward(x, false)} allocates fresh outputs and keeps nothing, so
 * inference may run on many threads at once.
 *
 * <p>Every layer belongs to a {@link LayerType}, the one description of its kind: {@link #type}
 * names it and {@link #config} is what {@link LayerType#create} takes back to rebuild it.
 */
public interface Layer {
    /** Instance name, unique within a model ("dense1", "relu1"). */
    String name();

    /** Name of this layer's {@link LayerType} ("dense", "activation", "dropout", ...). */
    String type();

    /**
     * The configuration {@link LayerType#create} rebuilds this layer from (JSON-friendly values:
     * Integer, Float, Boolean, String, List); its insertion order is the order model files list it in.
     */
    Map<String, Object> config();

    /**
     * The sample shape this layer makes of input sample shape {@code in} (batch excluded), or a
     * {@link org.scratchnet.tensor.ShapeException} naming the layer and both shapes.
     */
    int[] outputShape(int[] in);

    Tensor forward(Tensor x, boolean training);

    /**
     * Backward pass for the last training forward. Returns dL/dx, or null when
     * {@code needInputGrad} is false (the first layer of a network needs no input gradient).
     */
    Tensor backward(Tensor gradOutput, boolean needInputGrad);

    /** Trainable parameters (empty for activation layers), named {@code <layer>.<param>}. */
    List<Parameter> parameters();

    /** Non-trainable state that a model file keeps (e.g. running statistics); none by default. */
    default List<Parameter> buffers() {
        return List.of();
    }

    /** (Re)initializes parameters from the shared generator. No-op for layers without any. */
    default void initialize(Rng rng) {
    }

    /** Called before each training forward with the batch's seed, step and rows (used by random masks). */
    default void beginBatch(BatchContext batch) {
    }
}
