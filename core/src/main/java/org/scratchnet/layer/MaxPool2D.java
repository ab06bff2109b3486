package org.scratchnet.layer;

import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.PoolKernels;
import org.scratchnet.tensor.Tensor;

/**
 * Max pooling per channel, as PyTorch's {@code nn.MaxPool2d} (floor mode): padding never wins
 * (each pad at most half the window), the first maximum in a window takes the gradient, NaN
 * propagates. Stride defaults to the kernel. Network spec: {@code maxpool KERNEL [stride S] [pad P]};
 * configuration {@code {"kernel": [2, 2], "stride": [2, 2], "padding": [0, 0, 0, 0]}}.
 *
 * <pre>
 *   x (N, C, H, W) → y (N, C, OH, OW),  OH = (H + top + bottom − kH) / sH + 1
 * </pre>
 */
public final class MaxPool2D extends Pool2D {
    /** The maxpool2d layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "maxpool2d";
        }

        @Override
        public List<String> tokens() {
            return List.of("maxpool", "maxpool2d");
        }

        @Override
        public String usage() {
            return "maxpool KERNEL [stride S] [pad P]";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            Map<String, Object> c = Pool2D.parse(word, args, usage(), List.of());
            
            return c;
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            return new MaxPool2D(name, in, kernelOf(config), strideOf(config), padsOf(config));
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public String example() {
            return "maxpool 2";
        }

        @Override
        public String describe(Map<String, ?> config) {
            return Pool2D.describe("maxpool", config);
        }

        @Override
        public String namePrefix(Map<String, ?> config) {
            return "maxpool";
        }
    };

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
        return TYPE.name();
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
