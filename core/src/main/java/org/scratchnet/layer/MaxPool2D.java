package org.scratchnet.layer;

import org.scratchnet.tensor.PoolKernels;
import org.scratchnet.tensor.Tensor;

/**
 * Max pooling per channel, as PyTorch's {@code nn.MaxPool2d} (floor mode): padding never wins
 * (each pad at most half the window), the first maximum in a window takes the gradient, NaN
 * propagates. Stride defaults to the kernel.
 *
 * <pre>
 *   x (N, C, H, W) → y (N, C, OH, OW),  OH = (H + top + bottom − kH) / sH + 1
 * </pre>
 */
public final class MaxPool2D extends Pool2D {
    private int[] arg = new int[0];

    /** kernel (kH, kW), stride (sH, sW), pads (top, bottom, left, right); inputShape (C, H, W). */
    public MaxPool2D(String name, int[] inputShape, int[] kernelHw, int[] strideHw, int[] pads) {
        super("MaxPool2D", name, inputShape, kernelHw, strideHw, pads);
    }

    @Override
    protected String kind() {
        return "MaxPool2D";
    }

    @Override
    public String type() {
        return "maxpool2d";
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor out = output(x, training);
        int n = x.dim(0);
        int[] where = training ? (arg.length >= out.size() ? arg : (arg = new int[out.size()])) : new int[out.size()];
        PoolKernels.maxPool(kernels(), x.data(), n, g, out.data(), where);
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        Tensor dx = gradInput(gradOutput);
        if (!needInputGrad) {
            return null;
        }
        PoolKernels.maxPoolBackward(kernels(), gradOutput.data(), arg, lastN, g, dx.data());
        return dx;
    }
}
