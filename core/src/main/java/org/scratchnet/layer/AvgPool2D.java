package org.scratchnet.layer;

import java.util.Map;
import org.scratchnet.tensor.PoolKernels;
import org.scratchnet.tensor.Tensor;

/**
 * Average pooling per channel, as PyTorch's {@code nn.AvgPool2d} (floor mode): with
 * {@code countIncludePad} (PyTorch's default) a window is divided by its size including padding,
 * otherwise by the real pixels it covers. Stride defaults to the kernel.
 *
 * <pre>
 *   x (N, C, H, W) → y (N, C, OH, OW),  OH = (H + top + bottom − kH) / sH + 1
 * </pre>
 */
public final class AvgPool2D extends Pool2D {
    private final boolean countIncludePad;

    /** kernel (kH, kW), stride (sH, sW), pads (top, bottom, left, right); inputShape (C, H, W). */
    public AvgPool2D(String name, int[] inputShape, int[] kernelHw, int[] strideHw, int[] pads, boolean countIncludePad) {
        super("AvgPool2D", name, inputShape, kernelHw, strideHw, pads);
        this.countIncludePad = countIncludePad;
    }

    @Override
    protected String kind() {
        return "AvgPool2D";
    }

    @Override
    public String type() {
        return "avgpool2d";
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }

    /** Pool2D's config plus count_include_pad. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("count_include_pad", countIncludePad);
        return c;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor out = output(x, training);
        PoolKernels.avgPool(kernels(), x.data(), x.dim(0), g, countIncludePad, out.data());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        Tensor dx = gradInput(gradOutput);
        if (!needInputGrad) {
            return null;
        }
        PoolKernels.avgPoolBackward(kernels(), gradOutput.data(), lastN, g, countIncludePad, dx.data());
        return dx;
    }
}
