package org.scratchnet.train;

import java.util.List;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * One training step, split in its two halves: {@link #gradients} computes the loss and the
 * gradients of one batch (zero grads → forward → loss → backward), {@link #apply} lets the
 * optimizer update the parameters. {@link Trainer} calls the two in turn; a caller that adds up
 * gradients computed elsewhere (other threads, other machines, several small batches) calls
 * {@link #gradients} for each share, combines them with {@link #exportGradients} /
 * {@link #importGradients}, and then {@link #apply} once.
 *
 * <p>After {@link #gradients} each parameter's gradient is that of the batch's <em>mean</em>
 * loss. Shares of one global batch combine as g = Σ (rows_p / rows) · g_p.
 */
public final class TrainStep {
    private final Sequential model;
    private final Loss loss;
    private final List<Parameter> params;
    private Tensor grad;

    /** What {@link #gradients} found: the loss summed over the batch rows, the row count, and the predictions. */
    public record Result(double lossSum, int rows, Tensor predictions) {
        /** Mean loss over the batch rows. */
        public double meanLoss() {
            return lossSum / rows;
        }
    }

    public TrainStep(Sequential model, Loss loss) {
        this.model = model;
        this.loss = loss;
        this.params = model.parameters();
    }

    public Sequential model() {
        return model;
    }

    /**
     * Loss and gradients of x (N, ...) with targets y (N, K): the parameters' gradients are
     * overwritten with those of the mean loss. A non-finite loss is returned as it is and leaves
     * the gradients unset (the caller stops). The returned predictions are a buffer reused by the
     * next call.
     */
    public Result gradients(Tensor x, Tensor y, BatchContext batch) {
        model.zeroGrad();
        Tensor pred = model.forward(x, batch);
        if (grad == null || !grad.sameShape(pred)) {
            grad = Tensor.zeros(pred.shape());
        }
        double mean = loss.compute(pred, y, grad);
        if (Double.isFinite(mean)) {
            model.backward(grad, false);
        }
        return new Result(mean * x.rows(), x.rows(), pred);
    }

    /** One optimizer update from the current gradients. */
    public void apply(Optimizer optimizer) {
        optimizer.step(params);
    }

    /** Number of values {@link #exportGradients} returns: the model's parameter count. */
    public int gradientSize() {
        return Math.toIntExact(model.parameterCount());
    }

    /** Every parameter's gradient times {@code scale}, back to back in parameter order (the layout {@link #importGradients} reads). */
    public float[] exportGradients(float scale) {
        float[] out = new float[gradientSize()];
        int at = 0;
        for (Parameter p : params) {
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                out[at + i] = g[i] * scale;
            }
            at += g.length;
        }
        return out;
    }

    /** Sets every parameter's gradient to {@code scale} times its share of {@code flat} (the layout of {@link #exportGradients}). */
    public void importGradients(float[] flat, float scale) {
        if (flat.length != gradientSize()) {
            throw new ShapeException("importGradients: " + flat.length + " values, the model has " + gradientSize()
                    + " parameters");
        }
        int at = 0;
        for (Parameter p : params) {
            float[] g = p.gradForOverwrite().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = flat[at + i] * scale;
            }
            at += g.length;
        }
    }
}
